import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { connection } from 'next/server';
import { chartProps } from '@/components/charts/indicator-chart-section';
import { IndicatorChart } from '@/components/charts/indicator-chart';
import { LocalizedText } from '@/components/ui/localized-text';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ReportIndicator } from '@/db/queries/report/committee';
import { formatDate, formatPercent, formatValue } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { loadCommitteeReport, type CommitteeReportParams } from '@/lib/data/report';
import { ReportChanges } from './report-changes';

type T = Awaited<ReturnType<typeof getTranslations>>;

function figure(t: T, locale: string, i: ReportIndicator, v: number | null) {
  return v === null || !Number.isFinite(v) ? t('value.notAvailable') : formatValue(locale, v, i.valueKind, i.unit);
}

/** `preloaded` and `pdfHref` let the meeting pack (app/(dashboard)/meetings/[id]/pack) reuse this report. */
export async function ReportContent({ params, preloaded, pdfHref }: { params: CommitteeReportParams; preloaded?: Awaited<ReturnType<typeof loadCommitteeReport>>; pdfHref?: string }) {
  await connection();
  const [data, t, locale] = await Promise.all([preloaded ?? loadCommitteeReport(params), getTranslations(), getLocale()]);
  if (!data) return <p className="card">{t('overview.noPlanBody')}</p>;
  const { report, charts } = data;
  const query = new URLSearchParams({ since: report.since, asOf: report.asOf, plan: String(report.plan.year) });
  return (
    <>
      <p className="muted">
        <LocalizedText value={localized(locale, report.plan.title, report.plan.titleZh)} /> ·{' '}
        {t('dashboards.report.window', { since: formatDate(locale, report.since), asOf: formatDate(locale, report.asOf) })}
      </p>
      <form className="toolbar no-print" method="get">
        <input type="hidden" name="plan" value={report.plan.year} />
        <label>
          {t('dashboards.report.since')} <input type="date" name="since" defaultValue={report.since} />
        </label>
        <label>
          {t('dashboards.report.asOf')} <input type="date" name="asOf" defaultValue={report.asOf} />
        </label>
        <button type="submit">{t('overview.apply')}</button>
        <a className="button" href={pdfHref ? `${pdfHref}?${query}` : `/api/reports/committee?${query}`} download>
          {t('dashboards.report.downloadPdf')}
        </a>
      </form>
      <section className="card" aria-labelledby="report-status">
        <h2 id="report-status">{t('dashboards.report.statusTitle')}</h2>
        <ul className="report-counts">
          {(['ahead', 'on_track', 'at_risk', 'off_track', 'no_data'] as const).map((s) => (
            <li key={s}>
              <StatusBadge status={s} label={t(`status.${s}`)} /> {report.statusCounts[s]}
            </li>
          ))}
        </ul>
        {report.goals.map((g) => (
          <div key={g.id} className="table-wrap" data-goal={g.code}>
            <table>
              <caption>
                <Link href={`/goals/${encodeURIComponent(g.code)}?plan=${report.plan.year}`}>{g.code}</Link> ·{' '}
                <LocalizedText value={localized(locale, g.title, g.titleZh)} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('overview.columns.indicator')}</th>
                  <th scope="col" className="num">{t('overview.columns.actual')}</th>
                  <th scope="col" className="num">{t('overview.columns.targetToDate')}</th>
                  <th scope="col" className="num">{t('overview.columns.achievement')}</th>
                  <th scope="col">{t('overview.columns.status')}</th>
                  <th scope="col">{t('dashboards.report.statusThen')}</th>
                </tr>
              </thead>
              <tbody>
                {g.indicators.map((i) => (
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
        ))}
      </section>
      <ReportChanges report={report} />
      {charts.length > 0 ? (
        <section aria-labelledby="report-charts" className="report-charts">
          <h2 id="report-charts">{t('dashboards.report.chartsTitle')}</h2>
          {charts.map((c) => (
            <div key={c.indicator.id} className="card chart-card">
              <IndicatorChart {...chartProps(t, locale, c)} />
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
