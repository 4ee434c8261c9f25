import { getLocale, getTranslations } from 'next-intl/server';
import { demoBannerDate } from '@/data/demo';
import { formatDate } from '@/lib/format';

/** Says plainly that the figures are demo data, so nobody quotes them as real results. */
export async function DemoBanner() {
  const asOf = await demoBannerDate();
  if (asOf === null) return null;
  const [t, locale] = await Promise.all([getTranslations('app'), getLocale()]);
  return (
    <p className="demo-banner" role="note">
      {t('demoBanner', { date: asOf ? formatDate(locale, asOf) : '—' })}
    </p>
  );
}
