import { Link } from '@/components/ui/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import type { UpdateListItem } from '@/types/updates';
import { formatDateTime } from '@/lib/format';
import { figureText, placeText } from './display';
import { EvidenceList, type EvidenceItem } from './evidence-list';
import { DataTable } from '@/components/ui/data-table';

type Kind = 'count' | 'percent' | 'currency' | 'milestone';

/**
 * An indicator's updates, newest period first, each with its history (who, when, old → new, why) in a
 * disclosure. The just-saved update is highlighted (?saved=id) so the reporter sees the new value at once.
 */
export async function UpdatesTable({
  items,
  kind,
  unit,
  canEdit,
  savedId,
  evidence,
}: {
  items: UpdateListItem[];
  kind: Kind;
  unit: string;
  canEdit: boolean;
  savedId?: number;
  /** Each update's files, or null where the reader may not see its evidence (a draft, for the committee). */
  evidence?: ReadonlyMap<number, readonly EvidenceItem[] | null>;
}) {
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  const fig = (v: number | null) => figureText(t, locale, v, kind, unit);
  return (
    <DataTable
      empty={items.length === 0 && t('updates.indicator.noUpdates')}
      caption={t('updates.indicator.updatesTitle')}
      head={
        <>
          <th scope="col">{t('updates.columns.period')}</th>
          <th scope="col">{t('updates.columns.place')}</th>
          <th scope="col" className="num">{t('updates.columns.value')}</th>
          <th scope="col">{t('updates.columns.status')}</th>
          <th scope="col">{t('updates.columns.reporter')}</th>
          {evidence ? <th scope="col">{t('evidence.column')}</th> : null}
          <th scope="col">{t('updates.columns.history')}</th>
          {canEdit ? <th scope="col">{t('updates.columns.actions')}</th> : null}
        </>
      }
    >
      {items.map(({ update: u, figure, history, reporterName, ...names }) => (
        <tr key={u.id} id={`update-${u.id}`} data-update={u.id} aria-current={u.id === savedId ? 'true' : undefined} className={u.id === savedId ? 'saved' : undefined}>
          <td>
            {u.periodStart} – {u.periodEnd}
          </td>
          <td>{placeText(t, locale, names) || t('updates.indicator.overall')}</td>
          <td className="num" data-testid="update-value">
            {fig(figure)}
            {u.numerator !== null ? <div className="muted">{`${u.numerator} / ${u.denominator}`}</div> : null}
          </td>
          <td>
            {t(`updates.status.${u.status}`)}
            {u.late ? <span className="muted" data-late> · {t('updates.late')}</span> : null}
            {u.reviewComment ? <div className="muted">{t('updates.indicator.reviewComment', { comment: u.reviewComment })}</div> : null}
          </td>
          <td>
            {reporterName ?? '—'}
            <div className="muted">{formatDateTime(locale, u.createdAt, timeZone)}</div>
          </td>
          {evidence ? <td>{evidence.get(u.id) === null ? <span className="muted">{t('evidence.hiddenDraft')}</span> : <EvidenceList url={u.evidenceUrl} files={evidence.get(u.id) ?? []} />}</td> : null}
          <td>
            {history.length === 0 ? (
              <span className="muted">{t('updates.indicator.noHistory')}</span>
            ) : (
              <details>
                <summary>{t('updates.indicator.historyCount', { count: history.length })}</summary>
                <ol className="history">
                  {history.map((h) => (
                    <li key={h.version}>
                      {t('updates.indicator.historyEntry', {
                        who: h.byName ?? '—',
                        when: formatDateTime(locale, h.at, timeZone),
                        from: fig(h.from),
                        to: fig(h.to),
                        fromStatus: t(`updates.status.${h.fromStatus}`),
                        toStatus: t(`updates.status.${h.toStatus}`),
                      })}
                      {h.reason ? <div>{t('updates.indicator.historyReason', { reason: h.reason })}</div> : null}
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </td>
          {canEdit ? (
            <td>
              {u.status === 'withdrawn' ? null : (
                <Link href={`/updates/${u.id}`} aria-label={t('updates.indicator.correctLabel', { period: u.periodEnd })}>
                  {t('updates.indicator.correct')}
                </Link>
              )}
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
