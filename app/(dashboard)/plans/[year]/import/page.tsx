import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ImportPlanForm } from '@/components/plans/import-form';
import { requirePageUser } from '@/data/auth/session';
import { loadPlan } from '@/data/plans';
import { yearField } from '@/lib/validation/plans';
import { importPlanAction } from './actions';

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  const t = await getTranslations('plans.import');
  return { title: t('title', { year: (await params).year }) };
}

export default async function ImportPlanPage({ params }: { params: Promise<{ year: string }> }) {
  await requirePageUser('plan.edit');
  const year = yearField.safeParse((await params).year);
  if (!year.success) notFound();
  const [detail, t] = await Promise.all([loadPlan(year.data), getTranslations('plans')]);
  if (!detail) notFound();
  const { plan } = detail;
  return (
    <>
      <h1>{t('import.title', { year: plan.year })}</h1>
      <p className="muted">{t('import.intro')}</p>
      <p>
        <a href={`/api/plans/${plan.year}/export`}>{t('plan.export')}</a> · <Link href={`/plans/${plan.year}`}>{plan.title}</Link>
      </p>
      {plan.status === 'draft' ? (
        <section className="card">
          <ImportPlanForm action={importPlanAction} planId={plan.id} />
        </section>
      ) : (
        <p className="error-text">{t('import.notDraft')}</p>
      )}
    </>
  );
}
