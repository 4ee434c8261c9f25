import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/data/auth/session';
import { loadJobsPage } from '@/data/notifications';
import { formatDateTime } from '@/lib/format';

export async function generateMetadata() {
  const t = await getTranslations('jobs');
  return { title: t('title') };
}

/** Admins: each background job's last run and failures, and the e-mails composed (the outbox when no SMTP is set). */
export default async function JobsPage() {
  await requirePageUser('settings.manage');
  const [data, t, locale, timeZone] = await Promise.all([loadJobsPage(), getTranslations('jobs'), getLocale(), getTimeZone()]);
  const when = (d: Date | null) => (d ? formatDateTime(locale, d, timeZone) : t('never'));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { runner: data.runner })}</p>
      {data.jobs.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <div className="table-wrap">
          <table data-jobs>
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('job')}</th>
                <th scope="col">{t('lastRun')}</th>
                <th scope="col">{t('lastOk')}</th>
                <th scope="col">{t('lastFailed')}</th>
                <th scope="col">{t('runs')}</th>
                <th scope="col">{t('failures')}</th>
              </tr>
            </thead>
            <tbody>
              {data.jobs.map((j) => (
                <tr key={j.job} data-job={j.job}>
                  <th scope="row">{j.job}</th>
                  <td>{when(j.lastStartedAt)}</td>
                  <td>{when(j.lastOkAt)}</td>
                  <td>{when(j.lastFailedAt)}</td>
                  <td>{j.runs7d}</td>
                  <td>{j.failures7d}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="failures-title">
        <h2 id="failures-title">{t('failuresTitle')}</h2>
        {data.failures.length === 0 ? (
          <p className="muted">{t('noFailures')}</p>
        ) : (
          <ul>
            {data.failures.map((f) => (
              <li key={f.id}>{t('failureEntry', { job: f.job, attempt: f.attempt, when: when(f.startedAt), error: f.error ?? '' })}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="outbox-title">
        <h2 id="outbox-title">{t('outboxTitle')}</h2>
        <p className="muted">{data.smtp ? t('outboxSmtp') : t('outboxIntro')}</p>
        {data.emails.length === 0 ? (
          <p className="muted">{t('noEmail')}</p>
        ) : (
          <ul data-outbox>
            {data.emails.map((e) => (
              <li key={e.id} data-email={e.id}>
                <details>
                  <summary>
                    {e.subject} — {e.toAddress} · {when(e.createdAt)} · {t(`transports.${e.transport}`)}
                  </summary>
                  <pre style={{ whiteSpace: 'pre-wrap' }}>{e.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
