import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PlansTable } from '@/components/plans/plans-table';
import { requirePageUser } from '@/data/auth/session';
import { loadPlanList } from '@/data/plans';

export async function generateMetadata() {
  const t = await getTranslations('plans');
  return { title: t('title') };
}

export default async function PlansPage() {
  await requirePageUser('dashboard.read');
  const [t, { plans, canEdit }] = await Promise.all([getTranslations('plans'), loadPlanList()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {canEdit ? (
        <p>
          <Link className="button" href="/plans/new">
            {t('newPlan')}
          </Link>
        </p>
      ) : null}
      <PlansTable plans={plans} />
    </>
  );
}
