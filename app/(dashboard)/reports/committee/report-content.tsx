import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { LocalizedText } from '@/components/ui/localized-text';
import { PrintButton } from '@/components/ui/print-button';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { loadCommitteeReport, ReadModelInputError, type CommitteeReportParams } from '@/data/report';
import { ReportEvidence } from './report-evidence';
import { RenderedReportCharts, RenderedReportFindings } from './report-body';
import { EXPAND_ALL_UP_TO } from '@/lib/validation/open-goals';

/** The report's two dates, in its form and in the form that names a date outside the plan. */
function DateFields({ t, since, asOf }: { t: Awaited<ReturnType<typeof getTranslations>>; since?: string; asOf?: string }) {
  return (
    <>
      <label>
        {t('dashboards.report.since')} <input type="date" name="since" defaultValue={since} />
      </label>
      <label>
        {t('dashboards.report.asOf')} <input type="date" name="asOf" defaultValue={asOf} />
      </label>
    </>
  );
}

/** `preloaded` and `pdfHref` let the meeting pack (app/(dashboard)/meetings/[id]/pack) reuse this report. */
export async function ReportContent({
  params,
  preloaded,
  pdfHref,
  open: openOverride,
  shared = false,
}: {
  params: CommitteeReportParams;
  preloaded?: Awaited<ReturnType<typeof loadCommitteeReport>>;
  pdfHref?: string;
  /** Overrides ?open= (the meeting pack is printed with every goal's table). */
  open?: 'all';
  /** On a read-only share link: the figures only — no date form, downloads or links into the app. */
  shared?: boolean;
}) {
  await connection();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  let data: Awaited<ReturnType<typeof loadCommitteeReport>>;
  try {
    data = preloaded ?? (await loadCommitteeReport(params));
  } catch (error) {
    if (!(error instanceof ReadModelInputError)) throw error;
    // A date outside the plan: the form again, with the field named, never an error page.
    return (
      <form className="toolbar no-print" method="get">
        {params.plan ? <input type="hidden" name="plan" value={params.plan} /> : null}
        <p role="alert" className="form-error">
          {t(`dashboards.report.problem.${error.reason}`, { field: t(`dashboards.report.${error.field}`) })}
        </p>
        <DateFields t={t} since={params.since} asOf={params.asOf} />
        <button type="submit">{t('overview.apply')}</button>
      </form>
    );
  }
  if (!data) return <p className="card">{t('overview.noPlanBody')}</p>;
  const { report } = data;
  const query = new URLSearchParams({ since: report.since, asOf: report.asOf, plan: String(report.plan.year) });
  if (report.knownOn) query.set('knownOn', report.knownOn);
  // Up to 40 indicators every goal's table is shown; a larger plan shows each goal's summary and the tables asked
  // for (?open=G1,G3, all or none), so that the page does not grow with the number of indicators.
  const codes = report.goals.map((g) => g.code);
  const indicatorCount = report.goals.reduce((n, g) => n + g.indicators.length, 0);
  const open = openOverride ?? params.open ?? (indicatorCount <= EXPAND_ALL_UP_TO ? 'all' : 'none');
  const expanded = new Set(open === 'all' ? codes : open === 'none' ? [] : open.filter((c) => codes.includes(c)));
  return (
    <>
      <p className="muted">
        <LocalizedText value={localized(locale, report.plan.title, report.plan.titleZh)} /> ·{' '}
        {t('dashboards.report.window', { since: formatDate(locale, report.since), asOf: formatDate(locale, report.asOf) })}
      </p>
      <p className="muted" data-knowledge={report.knownOn ?? 'current'}>
        {report.knownOn
          ? t('dashboards.report.knowledgePast', { date: formatDate(locale, report.knownOn), since: formatDate(locale, report.since) })
          : t('dashboards.report.knowledgeNow', { asOf: formatDate(locale, report.asOf), since: formatDate(locale, report.since) })}
      </p>
      {shared ? null : (
      <form className="toolbar no-print" method="get">
        <input type="hidden" name="plan" value={report.plan.year} />
        <DateFields t={t} since={report.since} asOf={report.asOf} />
        <label>
          {t('dashboards.report.knownOn')} <input type="date" name="knownOn" defaultValue={report.knownOn ?? ''} />
        </label>
        <button type="submit">{t('overview.apply')}</button>
        <a className="button" href={pdfHref ? `${pdfHref}?${query}` : `/api/reports/committee?${query}`} download>
          {t('dashboards.report.downloadPdf')}
        </a>
        <a href={`/api/reports/committee/export?${query}&format=csv`} download>
          {t('dashboards.report.downloadCsv')}
        </a>
        <a href={`/api/reports/committee/export?${query}&format=xlsx`} download>
          {t('dashboards.report.downloadXlsx')}
        </a>
        <PrintButton label={t('pdf.printButton')} hint={t('pdf.printHint')} />
      </form>
      )}
      <RenderedReportFindings view={data.view} locale={locale} expanded={codes.filter((c) => expanded.has(c))} shared={shared} />
      <ReportEvidence evidence={data.evidence} />
      <RenderedReportCharts view={data.view} locale={locale} />
    </>
  );
}
