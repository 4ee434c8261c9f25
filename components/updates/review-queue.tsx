import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { reviewUpdateAction } from '@/app/(dashboard)/review/actions';
import type { loadReviewQueue } from '@/types/updates';
import { formatDateTime } from '@/lib/format';
import { filtersQuery, type UpdateListFilters } from '@/lib/validation/updates-filters';
import { ActionForm } from './action-form';
import { figureText, placeText } from './display';
import { EvidenceList, type EvidenceItem } from './evidence-list';

type Queue = NonNullable<Awaited<ReturnType<typeof loadReviewQueue>>>;

const figure = (r: Queue['rows'][number]) =>
  r.value ?? (r.numerator !== null && r.denominator ? (100 * r.numerator) / r.denominator : null);

/** Submitted updates, filterable by goal, period and reporter; each approved or returned with a comment. */
export async function ReviewQueue({
  data,
  filters,
  evidence,
}: {
  data: Queue;
  filters: UpdateListFilters;
  /** Each update's evidence files (null where the reader may not see them), shown beside the value under review. */
  evidence?: ReadonlyMap<number, readonly EvidenceItem[] | null>;
}) {
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  const exportQuery = filtersQuery({ plan: data.plan.year, goal: filters.goal, period: filters.period, reporter: filters.reporter, status: 'submitted' });
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('updates.review.queueTitle', { count: data.rows.length })}</h2>
      <form className="toolbar" method="get" action="/review">
        <label>
          {t('updates.review.goal')}
          <select name="goal" defaultValue={filters.goal ?? ''}>
            <option value="">{t('updates.review.all')}</option>
            {data.goals.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('updates.review.period')}
          <select name="period" defaultValue={filters.period ?? ''}>
            <option value="">{t('updates.review.all')}</option>
            {data.periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.key}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('updates.review.reporter')}
          <select name="reporter" defaultValue={filters.reporter ?? ''}>
            <option value="">{t('updates.review.all')}</option>
            {data.reporters.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          {t('updates.review.apply')}
        </button>
        <a href={`/api/updates/export?${exportQuery}&format=csv`}>{t('updates.export.csv')}</a>
        <a href={`/api/updates/export?${exportQuery}&format=xlsx`}>{t('updates.export.xlsx')}</a>
      </form>
      {data.rows.length === 0 ? (
        <p className="muted">{t('updates.review.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('updates.columns.indicator')}</th>
                <th scope="col">{t('updates.columns.period')}</th>
                <th scope="col">{t('updates.columns.place')}</th>
                <th scope="col" className="num">{t('updates.columns.value')}</th>
                <th scope="col">{t('updates.columns.reporter')}</th>
                <th scope="col">{t('updates.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} data-update={r.id}>
                  <th scope="row">
                    <Link href={`/indicators/${encodeURIComponent(r.indicatorCode)}?plan=${data.plan.year}#update-${r.id}`}>{r.indicatorCode}</Link>
                    <div className="muted">{r.indicatorName}</div>
                  </th>
                  <td>
                    {r.periodStart} – {r.periodEnd}
                  </td>
                  <td>{placeText(t, locale, r) || '—'}</td>
                  <td className="num">
                    {figureText(t, locale, figure(r), r.valueKind, r.unit)}
                    {r.note ? <div className="muted">{r.note}</div> : null}
                    {evidence && evidence.get(r.id) !== null ? <EvidenceList url={r.evidenceUrl} files={evidence.get(r.id) ?? []} /> : null}
                  </td>
                  <td>
                    {r.reporterName ?? '—'}
                    <div className="muted">{formatDateTime(locale, r.updatedAt, timeZone)}</div>
                  </td>
                  <td>
                    {data.own.has(r.id) ? (
                      <p className="muted">{t('updates.review.ownUpdate')}</p>
                    ) : (
                      <>
                        <ActionForm action={reviewUpdateAction} hidden={{ updateId: r.id, version: r.version, decision: 'approve' }} label={t('updates.review.approve')} pendingLabel={t('updates.form.saving')} />
                        <ActionForm action={reviewUpdateAction} hidden={{ updateId: r.id, version: r.version, decision: 'return' }} label={t('updates.review.return')} pendingLabel={t('updates.form.saving')}>
                          <label>
                            {t('updates.review.comment')}
                            <input name="comment" type="text" maxLength={1000} />
                          </label>
                        </ActionForm>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
