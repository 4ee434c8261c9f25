import { getTranslations } from 'next-intl/server';
import { overviewSearchParams } from '@/components/overview/filters-schema';
import { requirePageUser } from '@/data/auth/session';
import { BudgetOverviewTile } from './budget/sections';
import { OverviewSection } from './overview-section';

export async function generateMetadata() {
  const t = await getTranslations('overview');
  return { title: t('title') };
}

/**
 * The overview. Its goals and filters come in the first response, not behind a <Suspense>: streamed content
 * is revealed by a script, and this page must work without JavaScript (goal toggles and filters are plain
 * links and a GET form). The registry tiles stream in on their own.
 */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('dashboard.read');
  const search = overviewSearchParams.parse(await searchParams);
  const t = await getTranslations('overview');
  return (
    <>
      <h1>{t('title')}</h1>
      <OverviewSection search={search} />
      <BudgetOverviewTile year={search.plan} />
    </>
  );
}
