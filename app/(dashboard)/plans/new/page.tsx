import { getTranslations } from 'next-intl/server';
import { CreatePlanForm } from '@/components/plans/create-plan-form';
import { requirePageUser } from '@/data/auth/session';
import { loadPlanFormOptions } from '@/data/plans';
import { createPlanAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('plans.create');
  return { title: t('title') };
}

export default async function NewPlanPage() {
  // Admins only, decided before anything streams: others get a real 403.
  await requirePageUser('plan.edit');
  const [t, { plans }] = await Promise.all([getTranslations('plans.create'), loadPlanFormOptions()]);
  // The year after the latest plan: the yearly copy-forward is the common case.
  const defaultYear = plans.length > 0 ? Math.max(...plans.map((p) => p.year)) + 1 : new Date().getUTCFullYear();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card">
        <CreatePlanForm action={createPlanAction} plans={plans} defaultYear={defaultYear} />
      </section>
    </>
  );
}
