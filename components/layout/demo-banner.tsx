import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getStoredAsOfDate, isDemoDatabase } from '@/db/queries/settings';
import { formatDate } from '@/lib/format';

/** Says plainly that the figures are demo data, so nobody quotes them as real results. */
export async function DemoBanner() {
  const db = await getDb().catch(() => undefined);
  if (!db || !(await isDemoDatabase(db))) return null;
  const [t, locale, asOf] = await Promise.all([getTranslations('app'), getLocale(), getStoredAsOfDate(db)]);
  return (
    <p className="demo-banner" role="note">
      {t('demoBanner', { date: asOf ? formatDate(locale, asOf) : '—' })}
    </p>
  );
}
