import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import type { AuditRow, HistoryRow } from '@/types/registries';
import { formatDate, formatDateTime } from '@/lib/format';

/** A record's dated status (or stage) changes, newest first. */
export async function StatusHistory({
  rows,
  title,
  column,
  label,
}: {
  rows: HistoryRow[];
  title: string;
  column: string;
  label: (status: string) => string;
}) {
  const [t, locale] = await Promise.all([getTranslations('registries.detail'), getLocale()]);
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('noHistory')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="status-history">
            <caption className="visually-hidden">{t('historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changedOn')}</th>
                <th scope="col">{column}</th>
                <th scope="col">{t('changedBy')}</th>
                <th scope="col">{t('note')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(locale, r.changedOn)}</td>
                  <td>{label(r.status)}</td>
                  <td>{r.changedBy ?? t('system')}</td>
                  <td>{r.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** before → after of the fields an audit row records, compactly. */
function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((k) => (k in b && k in a ? `${k}: ${JSON.stringify(b[k])} → ${JSON.stringify(a[k])}` : `${k}: ${JSON.stringify(k in a ? a[k] : b[k])}`))
    .join('; ');
}

/** The audit trail of a record (rows of audit_log for it), newest first. */
export async function AuditTrail({ rows }: { rows: AuditRow[] }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations('registries.detail'), getLocale(), getTimeZone()]);
  return (
    <section className="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('noAudit')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="audit-trail">
            <caption className="visually-hidden">{t('auditCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('at')}</th>
                <th scope="col">{t('actor')}</th>
                <th scope="col">{t('action')}</th>
                <th scope="col">{t('changes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(locale, r.at, timeZone)}</td>
                  <td>{r.actor ?? t('system')}</td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td style={{ wordBreak: 'break-word' }}>{describeChange(r.before, r.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
