import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { SdgTags } from '@/components/ui/sdg-tags';
import type { OverviewGoal } from '@/types/overview';
import { formatPercent } from '@/lib/format';
import { LocalizedText } from '@/components/ui/localized-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { localized } from '@/lib/i18n/localized';
import type { Status } from '@/lib/progress/types';
import { overviewHref, toggleGoal, type OverviewSearch } from './filters-schema';
import { GoalIndicatorsTable } from './goal-indicators';

const order: Status[] = ['off_track', 'at_risk', 'on_track', 'ahead', 'no_data'];

/**
 * One goal: its status summary always; its indicators only when the URL asks for them (?open=G1,G2, all or
 * none; by default all of a small plan). The toggle is a plain link, so it works without JavaScript, from the keyboard, and can be shared.
 */
export async function GoalSection({
  goal,
  search,
  expandedCodes,
  sparkLabels,
  planYear,
  canLog,
}: {
  goal: OverviewGoal;
  planYear: number;
  search: OverviewSearch;
  expandedCodes: string[];
  sparkLabels: string[];
  /** The reader may log progress: the indicator table links to the log form. */
  canLog: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const headingId = `goal-${goal.code}-title`;
  const listId = `goal-${goal.code}-indicators`;
  const present = order.filter((s) => goal.statusCounts[s] > 0);
  return (
    <section className="card goal-card" id={`goal-${goal.code}`} aria-labelledby={headingId} data-goal={goal.code}>
      <div className="goal-head">
        <h2 id={headingId}>
          <Link href={`/goals/${encodeURIComponent(goal.code)}?plan=${planYear}`} data-goal-link={goal.code}>
            {goal.code} · <LocalizedText value={localized(locale, goal.title, goal.titleZh)} />
          </Link>
        </h2>
        <SdgTags codes={goal.sdgTags} locale={locale} label={t('sdg.tagsOf', { code: goal.code })} goalWord={t('sdg.goalWord')} targetWord={t('sdg.targetWord')} />
        {goal.indicatorCount > 0 ? (
          <Link
            className="button-secondary goal-toggle"
            href={overviewHref(toggleGoal(search, goal.code, expandedCodes), `goal-${goal.code}`)}
            scroll={false}
            aria-expanded={goal.expanded}
            aria-controls={goal.expanded ? listId : undefined}
          >
            {goal.expanded
              ? t('dashboards.overview.hideIndicators')
              : t('dashboards.overview.showIndicators', { count: goal.indicatorCount })}
            <span className="visually-hidden"> ({goal.code})</span>
          </Link>
        ) : null}
      </div>
      {goal.indicatorCount === 0 ? (
        <p className="muted">{t('overview.noIndicators')}</p>
      ) : (
        <>
          <ul className="goal-summary" aria-label={t('dashboards.overview.goalSummary', { goal: goal.code })}>
            {present.map((s) => (
              <li key={s} data-status={s}>
                <span className="goal-summary-count">{goal.statusCounts[s]}</span> <StatusBadge status={s} label={t(`status.${s}`)} />
              </li>
            ))}
          </ul>
          {goal.lowestAchievement !== null ? (
            <p className="muted">{t('dashboards.overview.lowest', { achievement: formatPercent(locale, goal.lowestAchievement) })}</p>
          ) : null}
        </>
      )}
      {goal.expanded && goal.indicators.length > 0 ? (
        <div id={listId}>
          <GoalIndicatorsTable goal={goal} sparkLabels={sparkLabels} canLog={canLog} />
        </div>
      ) : null}
    </section>
  );
}
