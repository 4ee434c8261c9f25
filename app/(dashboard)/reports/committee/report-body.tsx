import { getTranslations, setRequestLocale } from 'next-intl/server';
import { chartProps } from '@/components/charts/indicator-chart-section';
import { IndicatorChart } from '@/components/charts/indicator-chart';
import { ReportNarrative } from '@/components/narrative/report-narrative';
import { StatusBadge } from '@/components/ui/status-badge';
import { cacheAsCommitteeReport, committeeReportView, isRenderKey, unwrap, type CommitteeReportViewArgs } from '@/data/views';
import { ReportChanges } from './report-changes';
import { ReportGoal } from './report-goal';

/**
 * The committee report's figures, rendered once per data version and not once per request: the narrative, the
 * status of every goal and indicator, the changes since the last meeting, and the key charts. Keyed by the view's
 * sealed arguments (an unsealed key gets the view's empty answer), the language, the goals shown open and whether
 * the page is a share link; they live and expire with the view (cacheAsCommitteeReport). What depends on the
 * reader (the evidence they may see, the date form) stays outside, in report-content.tsx.
 */
interface BodyProps {
  view: CommitteeReportViewArgs;
  locale: string;
}

async function reportOf(view: CommitteeReportViewArgs, locale: string) {
  // Reachable from outside as a Server Function: arguments of another shape render nothing (never a 500).
  if (!isRenderKey(view, locale)) return undefined;
  // The language of everything rendered below, so that nothing in this cached scope reads the request for it.
  setRequestLocale(locale);
  cacheAsCommitteeReport();
  return unwrap(await committeeReportView(...view));
}

export async function RenderedReportFindings(props: BodyProps & { expanded: string[]; shared: boolean }) {
  'use cache';
  const { view, locale, expanded, shared } = props ?? {};
  const data = await reportOf(view, locale);
  if (!data) return null;
  const t = await getTranslations({ locale });
  const { report, narrative } = data;
  const codes = report.goals.map((g) => g.code);
  const open = new Set(Array.isArray(expanded) ? expanded : []);
  const toggled = (code: string) => {
    const next = open.has(code) ? [...open].filter((c) => c !== code) : [...open, code];
    return next.length === codes.length ? 'all' : next.length === 0 ? 'none' : next.join(',');
  };
  return (
    <>
      {narrative ? <ReportNarrative narrative={narrative} /> : null}
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
          <ReportGoal
            key={g.id}
            goal={g}
            planYear={report.plan.year}
            expanded={open.has(g.code)}
            toggleHref={`?${new URLSearchParams({ since: report.since, asOf: report.asOf, plan: String(report.plan.year), open: toggled(g.code) })}#report-goal-${g.code}`}
            shared={shared === true}
          />
        ))}
      </section>
      <ReportChanges report={report} />
    </>
  );
}

export async function RenderedReportCharts(props: BodyProps) {
  'use cache';
  const { view, locale } = props ?? {};
  const data = await reportOf(view, locale);
  if (!data || data.charts.length === 0) return null;
  const t = await getTranslations({ locale });
  return (
    <section aria-labelledby="report-charts" className="report-charts">
      <h2 id="report-charts">{t('dashboards.report.chartsTitle')}</h2>
      {data.charts.map((c) => (
        <div key={c.indicator.id} className="card chart-card">
          <IndicatorChart {...chartProps(t, locale, c)} />
        </div>
      ))}
    </section>
  );
}
