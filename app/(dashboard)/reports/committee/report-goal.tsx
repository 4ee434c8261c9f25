import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { LocalizedText } from '@/components/ui/localized-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatPercent, formatValue } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import type { Status } from '@/lib/progress/types';
import type { CommitteeReport, ReportIndicator } from '@/types/meetings';

type T = Awaited<ReturnType<typeof getTranslations>>;

const order: Status[] = ['off_track', 'at_risk', 'on_track', 'ahead', 'no_data'];

function figure(t: T, locale: string, i: ReportIndicator, v: number | null) {
  return v === null || !Number.isFinite(v) ? t('value.notAvailable') : formatValue(locale, v, i.valueKind, i.unit);
}

/**
 * One goal of the committee report: its status summary and how many of its indicators changed status since the
 * start of the window, and, when expanded, the table of its indicators. The toggle is a plain link, so it works
 * from the keyboard and without JavaScript, and a link to the report keeps what is open.
 */
export async function ReportGoal({
  goal,
  planYear,
  expanded,
  toggleHref,
  shared = false,
}: {
  goal: CommitteeReport['goals'][number];
  planYear: number;
  expanded: boolean;
  toggleHref: string;
  /** On a read-only share link: no link into the app and no toggle (every table is shown). */
  shared?: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const counts = new Map(order.map((s) => [s, goal.indicators.filter((i) => i.now.status === s).length]));
  const changed = goal.indicators.filter((i) => i.now.status !== i.then.status).length;
  const tableId = `report-goal-${goal.code}-table`;
  const title = (
    <>
      {shared ? goal.code : <Link href={`/goals/${encodeURIComponent(goal.code)}?plan=${planYear}`}>{goal.code}</Link>} ·{' '}
      <LocalizedText value={localized(locale, goal.title, goal.titleZh)} />
    </>
  );
  return (
    <div className="report-goal" id={`report-goal-${goal.code}`} data-goal={goal.code}>
      <p className="report-goal-summary">
        <span className="report-goal-title">{title}</span>
        {order
          .filter((s) => (counts.get(s) ?? 0) > 0)
          .map((s) => (
            <span key={s} className="report-goal-count">
              <StatusBadge status={s} label={t(`status.${s}`)} /> {counts.get(s)}
            </span>
          ))}
        <span className="muted">{t('dashboards.report.changedCount', { count: changed })}</span>
        {goal.indicators.length > 0 && !shared ? (
          <Link className="no-print" href={toggleHref} scroll={false} aria-expanded={expanded} aria-controls={expanded ? tableId : undefined}>
            {expanded ? t('dashboards.overview.hideIndicators') : t('dashboards.overview.showIndicators', { count: goal.indicators.length })}
            <span className="visually-hidden"> ({goal.code})</span>
          </Link>
        ) : null}
      </p>
      {expanded && goal.indicators.length > 0 ? (
        <div className="table-wrap" id={tableId}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('overview.columns.indicator')}</th>
                <th scope="col" className="num">
                  {t('overview.columns.actual')}
                </th>
                <th scope="col" className="num">
                  {t('overview.columns.targetToDate')}
                </th>
                <th scope="col" className="num">
                  {t('overview.columns.achievement')}
                </th>
                <th scope="col">{t('overview.columns.status')}</th>
                <th scope="col">{t('dashboards.report.statusThen')}</th>
              </tr>
            </thead>
            <tbody>
              {goal.indicators.map((i) => (
                <tr key={i.id} data-indicator={i.code} data-changed={i.now.status !== i.then.status || undefined}>
                  <th scope="row">
                    {i.code} · <LocalizedText value={localized(locale, i.name, i.nameZh)} />
                    {i.overdue ? <div className="muted">{t('dashboards.report.overdueNote')}</div> : null}
                  </th>
                  <td className="num">{figure(t, locale, i, i.now.actual.value)}</td>
                  <td className="num">{figure(t, locale, i, i.now.targetToDate)}</td>
                  <td className="num">
                    {i.now.achievement === null || !Number.isFinite(i.now.achievement) ? '—' : formatPercent(locale, i.now.achievement)}
                  </td>
                  <td>
                    <StatusBadge status={i.now.status} label={t(`status.${i.now.status}`)} />
                  </td>
                  <td>{i.now.status === i.then.status ? t('dashboards.report.unchanged') : t(`status.${i.then.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
