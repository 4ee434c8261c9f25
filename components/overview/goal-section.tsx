import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { OverviewGoal, OverviewIndicator } from '@/db/queries/overview';
import { formatDateTime, formatPercent, formatValue } from '@/lib/format';
import { AchievementBar } from '@/components/ui/achievement-bar';
import { LocalizedText } from '@/components/ui/localized-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { localized } from '@/lib/i18n/localized';
import { can } from '@/lib/auth/policy';
import { getCurrentUser } from '@/lib/auth/session';

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

export async function GoalSection({ goal }: { goal: OverviewGoal }) {
  const [t, locale, user] = await Promise.all([getTranslations(), getLocale(), getCurrentUser()]);
  // Log-progress links only for roles that may log (the form checks again).
  const canLog = user ? can(user.role, 'progress.log') : false;
  const headingId = `goal-${goal.code}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {goal.code} · <LocalizedText value={localized(locale, goal.title, goal.titleZh)} />
      </h2>
      {goal.indicators.length === 0 ? (
        <p className="muted">{t('overview.noIndicators')}</p>
      ) : (
        <div className="table-wrap">
          <table>
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
                return (
                  <tr key={indicator.id} data-indicator={indicator.code}>
                    <th scope="row">
                      <Link href={`/indicators/${encodeURIComponent(indicator.code)}`}>{indicator.code}</Link>
                    </th>
                    <td>
                      <LocalizedText value={localized(locale, indicator.name, indicator.nameZh)} />
                      {indicator.ownerName ? (
                        <div className="muted">{t('overview.ownerLine', { owner: indicator.ownerName })}</div>
                      ) : null}
                      {indicator.derivedFrom ? (
                        <div className="muted" data-derived-from={indicator.derivedFrom}>
                          {t('registries.derived.note', { registry: t(`registries.derived.registry.${indicator.derivedFrom}`) })}
                        </div>
                      ) : null}
                      {canLog && !indicator.derivedFrom ? (
                        <div>
                          <Link href={`/updates/new?indicator=${encodeURIComponent(indicator.code)}`}>{t('updates.logProgress')}</Link>
                        </div>
                      ) : null}
                    </td>
                    <td className="num">
                      {displayValue(t, locale, indicator, evaluation.actual.value)}
                      {kindNote ? <div className="muted">{kindNote}</div> : null}
                    </td>
                    <td className="num">{displayValue(t, locale, indicator, evaluation.targetToDate)}</td>
                    <td className="num">{displayValue(t, locale, indicator, evaluation.finalTarget)}</td>
                    <td>
                      <AchievementBar
                        ratio={evaluation.achievement}
                        label={achievementLabel(t, locale, evaluation.achievement)}
                      />
                    </td>
                    <td>
                      <StatusBadge status={evaluation.status} label={t(`status.${evaluation.status}`)} />
                    </td>
                    <td>
                      {indicator.lastUpdatedAt ? formatDateTime(locale, indicator.lastUpdatedAt) : t('overview.never')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
