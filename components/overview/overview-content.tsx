import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { Suspense, type ReactNode } from 'react';
import type { OverviewData, OverviewQuery } from '@/types/overview';
import { formatDate, formatPercent } from '@/lib/format';
import { STATUS_THRESHOLDS } from '@/lib/progress';
import { localized } from '@/lib/i18n/localized';
import { sdgTagView } from '@/lib/sdg';
import { periodLabel } from '@/lib/i18n/periods';
import { LocalizedText } from '@/components/ui/localized-text';
import { overviewHref, type OverviewSearch } from './filters-schema';
import { GoalSection } from './goal-section';
import { OverviewFilters } from './overview-filters';
import { RegistryTilesSkeleton } from './registry-tiles';
import { StatusTiles } from './status-tiles';
import './overview.css';

export function overviewQueryOf(search: OverviewSearch): OverviewQuery {
  return {
    year: search.plan,
    includeSubmitted: search.submitted,
    from: search.from,
    to: search.to,
    region: search.region,
    cluster: search.cluster,
    sdg: search.sdg,
    openGoals: search.open,
  };
}

interface OverviewContentProps {
  search: OverviewSearch;
  /** The overview's view for `overviewQueryOf(search)` (app/ loads it through data/overview.ts). */
  view: OverviewData;
  /** The reader may log progress: the indicator tables link to the log form. */
  canLog: boolean;
  /** The registry tiles of the same view, streamed in behind their skeleton (app/ loads them). */
  tiles: ReactNode;
}

export async function OverviewContent({ search, view: { overview, plans, clusters }, canLog, tiles }: OverviewContentProps) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);

  if (!overview) {
    return (
      <section className="card">
        <h2>{t('overview.noPlanTitle')}</h2>
        <p>{t('overview.noPlanBody')}</p>
      </section>
    );
  }

  const { plan, asOf, from, goals, statusCounts, filtered } = overview;
  const expandedCodes = goals.filter((g) => g.expanded).map((g) => g.code);
  const sparkLabels = overview.sparkPeriods.map((p) => periodLabel(t, locale, p, 'quarterly'));
  const clusterName = clusters.find((c) => c.id === filtered.cluster);
  const narrowedTo = [
    filtered.region ? t(`dashboards.overview.regions.${filtered.region}`) : null,
    clusterName ? localized(locale, clusterName.name, clusterName.nameZh).text : null,
    filtered.sdg ? t('sdg.filterNarrowed', { code: filtered.sdg, title: sdgTagView(filtered.sdg, locale)?.goalTitle ?? '' }) : null,
  ].filter((s): s is string => s !== null);
  return (
    <>
      <p className="muted">
        <LocalizedText value={localized(locale, plan.title, plan.titleZh)} /> · {t('overview.planStatus', { status: t(`planStatus.${plan.status}`) })} ·{' '}
        {from
          ? t('dashboards.overview.range', { from: formatDate(locale, from), to: formatDate(locale, asOf) })
          : t('overview.asOf', { date: formatDate(locale, asOf) })}
      </p>
      <OverviewFilters plans={plans} clusters={clusters} periods={overview.periods} sdgChoices={overview.sdgChoices} selectedYear={plan.year} search={search} />
      <p className="muted">{search.submitted ? t('overview.countingSubmitted') : t('overview.countingApproved')}</p>
      {narrowedTo.length > 0 ? (
        <p className="card notice" data-narrowed>
          {t('dashboards.overview.narrowed', { to: narrowedTo.join(' · ') })}
        </p>
      ) : null}
      <StatusTiles counts={statusCounts} />
      <Suspense fallback={<RegistryTilesSkeleton />}>{tiles}</Suspense>
      <details className="card">
        <summary>{t('overview.legendTitle')}</summary>
        <p>
          {t('overview.legend', {
            ahead: formatPercent(locale, STATUS_THRESHOLDS.ahead),
            onTrack: formatPercent(locale, STATUS_THRESHOLDS.onTrack),
            atRisk: formatPercent(locale, STATUS_THRESHOLDS.atRisk),
          })}
        </p>
        {from ? <p>{t('dashboards.overview.rangeLegend')}</p> : null}
      </details>
      <p className="toolbar goal-toolbar">
        <Link href={overviewHref({ ...search, open: 'all' })} scroll={false}>
          {t('dashboards.overview.expandAll')}
        </Link>
        <Link href={overviewHref({ ...search, open: 'none' })} scroll={false}>
          {t('dashboards.overview.collapseAll')}
        </Link>
      </p>
      {goals.map((goal) => (
        <GoalSection key={goal.id} goal={goal} planYear={plan.year} search={search} expandedCodes={expandedCodes} sparkLabels={sparkLabels} canLog={canLog} />
      ))}
    </>
  );
}
