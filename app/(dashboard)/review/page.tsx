import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { LocksPanel } from '@/components/updates/locks-panel';
import { ReviewQueue } from '@/components/updates/review-queue';
import { WithdrawalQueue } from '@/components/updates/withdrawal-queue';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { requirePageUser } from '@/data/auth/session';
import { loadReviewQueue } from '@/data/updates';
import { loadEvidence } from '@/data/evidence';
import { updateListFilters, type UpdateListFilters } from '@/lib/validation/updates-filters';

export async function generateMetadata() {
  const t = await getTranslations('updates.review');
  return { title: t('title') };
}

/** The review queue (admins and goals' named reviewers); withdrawal requests and the plan-wide period locks for admins. */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('progress.approve');
  const filters = updateListFilters.parse(await searchParams);
  const t = await getTranslations('updates.review');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Suspense key={JSON.stringify(filters)} fallback={<SkeletonBlock label={t('loading')} height="20rem" />}>
        <ReviewContent filters={filters} />
      </Suspense>
    </>
  );
}

async function ReviewContent({ filters }: { filters: UpdateListFilters }) {
  const data = await loadReviewQueue(filters);
  const t = await getTranslations('updates.review');
  if (!data) return <p>{t('noPlan')}</p>;
  const evidence = await loadEvidence(data.rows);
  return (
    <>
      <ReviewQueue data={data} filters={filters} evidence={evidence} />
      {data.allGoals ? (
        <>
          <WithdrawalQueue requests={data.withdrawals} userId={data.userId} />
          <LocksPanel planYear={data.plan.year} periods={data.periods} locks={data.locks} canLock />
        </>
      ) : null}
    </>
  );
}
