import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatNumber } from '@/lib/format';
import type { CommitteeReport } from '@/types/meetings';

/**
 * Lists on screen stop here, with how many more there are: at 1,000 indicators a list of every change made the page
 * several hundred items long. Every indicator's status then and now is in the goal tables above and in the PDF.
 */
const LISTED = 20;

/** What changed since the "since" date, what is overdue, and the open items of the last meeting. */
export async function ReportChanges({ report }: { report: CommitteeReport }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const all = report.goals.flatMap((g) => g.indicators);
  const changed = all.filter((i) => i.now.status !== i.then.status);
  const overdue = all.filter((i) => i.overdue);
  return (
    <>
      <section className="card" aria-labelledby="report-changes">
        <h2 id="report-changes">{t('dashboards.report.changesTitle', { since: formatDate(locale, report.since) })}</h2>
        <h3>{t('dashboards.report.statusChanges')}</h3>
        {changed.length === 0 ? (
          <p className="muted">{t('dashboards.report.noStatusChanges')}</p>
        ) : (
          <ul data-status-changes>
            {changed.slice(0, LISTED).map((i) => (
              <li key={i.id}>
                {t('dashboards.report.statusChange', { code: i.code, from: t(`status.${i.then.status}`), to: t(`status.${i.now.status}`) })}
              </li>
            ))}
          </ul>
        )}
        {changed.length > LISTED ? <p className="muted">{t('dashboards.report.moreListed', { count: changed.length - LISTED })}</p> : null}
        <h3>{t('dashboards.report.updatesTitle')}</h3>
        <p>{t('dashboards.report.updatesLine', { created: report.newUpdates, changed: report.changedUpdates })}</p>
        <h3>{t('dashboards.report.revisionsTitle')}</h3>
        {report.revisions.length === 0 ? (
          <p className="muted">{t('dashboards.report.noRevisions')}</p>
        ) : (
          <ul>
            {report.revisions.map((r, index) => (
              <li key={index}>
                {t('dashboards.report.revision', {
                  code: r.code,
                  from: formatNumber(locale, r.oldValue),
                  to: formatNumber(locale, r.newValue),
                  date: formatDate(locale, r.effectiveOn),
                  reason: r.reason,
                })}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('dashboards.report.registriesTitle')}</h3>
        <ul>
          {(['cities', 'partners', 'clusters', 'support_requests', 'activities'] as const).map((k) => (
            <li key={k}>{t(`dashboards.report.registry.${k}`, { count: report.registries[k] })}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="report-overdue">
        <h2 id="report-overdue">{t('dashboards.report.overdueTitle')}</h2>
        {overdue.length === 0 ? (
          <p className="muted">{t('dashboards.report.noOverdue')}</p>
        ) : (
          <ul>
            {overdue.slice(0, LISTED).map((i) => (
              <li key={i.id}>{i.code}</li>
            ))}
          </ul>
        )}
        {overdue.length > LISTED ? <p className="muted">{t('dashboards.report.moreListed', { count: overdue.length - LISTED })}</p> : null}
      </section>
      <section className="card" aria-labelledby="report-items">
        <h2 id="report-items">{t('dashboards.report.itemsTitle')}</h2>
        {report.lastMeeting ? (
          <p className="muted">{t('dashboards.report.lastMeeting', { title: report.lastMeeting.title, date: formatDate(locale, report.lastMeeting.heldOn) })}</p>
        ) : (
          <p className="muted">{t('dashboards.report.noMeeting')}</p>
        )}
        {report.lastMeeting && report.openItems.length === 0 ? <p className="muted">{t('dashboards.report.noItems')}</p> : null}
        {report.openItems.length > 0 ? (
          <ul>
            {report.openItems.map((item) => (
              <li key={item.id}>
                {item.text} — {t('dashboards.report.itemLine', { owner: item.ownerName ?? '—', due: item.dueOn ? formatDate(locale, item.dueOn) : '—', status: t(`dashboards.report.itemStatus.${item.status}`) })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
