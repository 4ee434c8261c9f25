import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import type { OverviewGoal, OverviewIndicator } from '@/types/overview';
import { formatDate, formatDateTime, formatPercent, formatValue } from '@/lib/format';
import { AchievementBar } from '@/components/ui/achievement-bar';
import { LocalizedText } from '@/components/ui/localized-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { localized } from '@/lib/i18n/localized';
import { Sparkline } from './sparkline';

type T = Awaited<ReturnType<typeof getTranslations>>;

function displayValue(t: T, locale: string, indicator: OverviewIndicator, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return t('value.notAvailable');
  if (indicator.valueKind === 'milestone') return value >= 1 ? t('value.milestoneReached') : t('value.milestoneNotReached');
  return formatValue(locale, value, indicator.valueKind, indicator.unit);
}

function achievementLabel(t: T, locale: string, ratio: number | null): string {
  if (ratio === null) return t('value.notAvailable');
  // A decreasing indicator with nothing left to reduce is fully met; an infinite ratio reads as "—".
  return Number.isFinite(ratio) ? formatPercent(locale, ratio) : t('value.notAvailable');
}

/**
 * The indicators of one expanded goal: figures, achievement, status, recent periods and last update. `canLog`
 * (the reader's role may log progress) shows the log-progress links; the form checks again.
 */
export async function GoalIndicatorsTable({ goal, sparkLabels, canLog }: { goal: OverviewGoal; sparkLabels: string[]; canLog: boolean }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <div className="table-wrap">
      <table className="overview-table">
        <caption className="visually-hidden">{t('overview.goalIndicators', { goal: goal.code })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.columns.code')}</th>
            <th scope="col">{t('overview.columns.indicator')}</th>
            <th scope="col" className="num">{t('overview.columns.actual')}</th>
            <th scope="col" className="num">{t('overview.columns.targetToDate')}</th>
            <th scope="col" className="num">{t('overview.columns.finalTarget')}</th>
            <th scope="col">{t('overview.columns.achievement')}</th>
            <th scope="col">{t('overview.columns.status')}</th>
            <th scope="col">{t('dashboards.overview.recent')}</th>
            <th scope="col">{t('overview.columns.lastUpdate')}</th>
          </tr>
        </thead>
        <tbody>
          {goal.indicators.map((indicator) => {
            const { evaluation } = indicator;
            const kindNote =
              indicator.accumulation === 'cumulative'
                ? t('overview.cumulativeNote')
                : indicator.accumulation === 'snapshot'
                  ? t('overview.snapshotNote')
                  : null;
            const sparkText = indicator.sparkline
              .map((v, k) => `${sparkLabels[k] ?? ''}: ${displayValue(t, locale, indicator, v)}`)
              .join('; ');
            return (
              <tr key={indicator.id} data-indicator={indicator.code} data-status={evaluation.status}>
                <th scope="row">
                  <Link href={`/indicators/${encodeURIComponent(indicator.code)}`}>{indicator.code}</Link>
                </th>
                <td>
                  <LocalizedText value={localized(locale, indicator.name, indicator.nameZh)} />
                  {indicator.ownerName ? <div className="muted">{t('overview.ownerLine', { owner: indicator.ownerName })}</div> : null}
                  {indicator.derivedFrom ? (
                    <div className="muted" data-derived-from={indicator.derivedFrom}>
                      {t('registries.derived.note', { registry: t(`registries.derived.registry.${indicator.derivedFrom}`) })}
                    </div>
                  ) : null}
                  {canLog && !indicator.derivedFrom ? (
                    <div>
                      <Link href={`/updates/new?indicator=${encodeURIComponent(indicator.code)}`}>
                        {t('updates.logProgress')}
                        <span className="visually-hidden"> ({indicator.code})</span>
                      </Link>
                    </div>
                  ) : null}
                </td>
                <td className="num" data-label={t('overview.columns.actual')}>
                  {displayValue(t, locale, indicator, evaluation.actual.value)}
                  {kindNote ? <div className="muted">{kindNote}</div> : null}
                </td>
                <td className="num" data-label={t('overview.columns.targetToDate')}>
                  {displayValue(t, locale, indicator, evaluation.targetToDate)}
                </td>
                <td className="num" data-label={t('overview.columns.finalTarget')}>
                  {displayValue(t, locale, indicator, evaluation.finalTarget)}
                </td>
                <td data-label={t('overview.columns.achievement')}>
                  <AchievementBar ratio={evaluation.achievement} label={achievementLabel(t, locale, evaluation.achievement)} />
                </td>
                <td data-label={t('overview.columns.status')}>
                  <StatusBadge status={evaluation.status} label={t(`status.${evaluation.status}`)} />
                </td>
                <td data-label={t('dashboards.overview.recent')}>
                  <Sparkline values={indicator.sparkline} label={t('dashboards.overview.sparkline', { points: sparkText })} />
                </td>
                <td data-label={t('overview.columns.lastUpdate')}>
                  {indicator.lastUpdatedAt
                    ? // A derived indicator's last update is the day of the registry change it reflects.
                      indicator.derivedFrom
                      ? formatDate(locale, indicator.lastUpdatedAt)
                      : formatDateTime(locale, indicator.lastUpdatedAt)
                    : t('overview.never')}
                  {indicator.lastReporter ? (
                    <div className="muted">{t('dashboards.overview.reportedBy', { name: indicator.lastReporter })}</div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
