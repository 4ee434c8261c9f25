import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { OverviewContent } from '@/components/overview/overview-content';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { requirePageUser } from '@/lib/auth/session';
import { overviewSearchParams } from '@/lib/validation/overview';

export async function generateMetadata() {
  const t = await getTranslations('overview');
  return { title: t('title') };
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('dashboard.read');
  const filters = overviewSearchParams.parse(await searchParams);
  const t = await getTranslations('overview');
  return (
    <>
      <h1>{t('title')}</h1>
      <Suspense fallback={<SkeletonBlock label={t('title')} height="28rem" />}>
        <OverviewContent year={filters.plan} includeSubmitted={filters.submitted} />
      </Suspense>
    </>
  );
}
