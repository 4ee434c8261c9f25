import { getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/updates/import-form';
import { requirePageUser } from '@/data/auth/session';
import { loadPlans } from '@/data/updates';
import { importColumns } from '@/lib/validation/updates-import';
import { importChunkAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('updates.import');
  return { title: t('title') };
}

export default async function ImportPage() {
  await requirePageUser('progress.import');
  const t = await getTranslations('updates.import');
  const plans = await loadPlans();
  const year = plans.find((p) => p.status === 'endorsed')?.year ?? plans[0]?.year ?? new Date().getFullYear();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p className="toolbar">
        <a href="/api/updates/template?format=csv">{t('templateCsv')}</a>
        <a href="/api/updates/template?format=xlsx">{t('templateXlsx')}</a>
      </p>
      <p className="muted">{t('columns', { columns: importColumns.join(', ') })}</p>
      <section className="card">
        <ImportForm action={importChunkAction} planYear={year} />
      </section>
    </>
  );
}
