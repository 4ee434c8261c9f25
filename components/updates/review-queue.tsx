import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { approveUpdatesAction, reviewUpdateAction } from '@/app/(dashboard)/review/actions';
import type { loadReviewQueue } from '@/types/updates';
import { formatDateTime, formatNumber } from '@/lib/format';
import { filtersQuery, type UpdateListFilters } from '@/lib/validation/updates-filters';
import { DecisionForms } from './decision-forms';
import { BulkApproveForm } from './bulk-approve-form';
import { figureText, placeText } from './display';
import { EvidenceList, type EvidenceItem } from './evidence-list';
import { DataTable } from '@/components/ui/data-table';

type Queue = NonNullable<Awaited<ReturnType<typeof loadReviewQueue>>>;

/** A flag's numbers in the reader's locale (the rest as given). */
const flagValues = (locale: string, values: Record<string, string | number> | undefined) =>
  values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(locale, v, 2) : v]));

const figure = (r: Queue['rows'][number]) =>
  r.value ?? (r.numerator !== null && r.denominator ? (100 * r.numerator) / r.denominator : null);

/**
 * Submitted updates, filterable by goal, period and reporter, each with its data-quality flags; each approved or
 * returned with a comment, or several ticked and approved at once. One's own updates offer neither.
 */
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
      {!data.allGoals && data.goals.length === 0 ? <p className="muted" data-no-goals>{t('updates.review.noGoals')}</p> : null}
      <DataTable
        empty={data.rows.length === 0 && t('updates.review.empty')}
        // Kept while the queue has rows, so its answer stays in view after the approved rows leave.
        before={
          <BulkApproveForm
            id="bulk-approve"
            action={approveUpdatesAction}
            label={t('updates.review.approveSelected')}
            pendingLabel={t('updates.form.saving')}
            hint={t('updates.review.approveSelectedHint')}
          />
        }
        head={
          <>
            <th scope="col">
              <span className="visually-hidden">{t('updates.review.select')}</span>
            </th>
            <th scope="col">{t('updates.columns.indicator')}</th>
            <th scope="col">{t('updates.columns.period')}</th>
            <th scope="col">{t('updates.columns.place')}</th>
            <th scope="col" className="num">{t('updates.columns.value')}</th>
            <th scope="col">{t('updates.review.flags')}</th>
            <th scope="col">{t('updates.columns.reporter')}</th>
            <th scope="col">{t('updates.columns.actions')}</th>
          </>
        }
      >
        {data.rows.map((r) => (
          <tr key={r.id} data-update={r.id} data-flagged={data.flags.has(r.id) ? 'true' : undefined}>
            <td>
              {data.own.has(r.id) ? null : (
                <input
                  type="checkbox"
                  name="items"
                  value={`${r.id}:${r.version}`}
                  form="bulk-approve"
                  aria-label={t('updates.review.selectRow', { indicator: r.indicatorCode, period: r.periodEnd })}
                />
              )}
            </td>
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
            <td data-flags>
              {data.flags.has(r.id) ? (
                <ul className="flags" style={{ margin: 0, paddingLeft: '1rem' }}>
                  {data.flags.get(r.id)!.map((f) => (
                    <li key={f.key} data-flag={f.key.replace('updates.quality.', '')}>
                      {t(f.key, flagValues(locale, f.values))}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('updates.review.noFlags')}</span>
              )}
            </td>
            <td>
              {r.reporterName ?? '—'}
              <div className="muted">{formatDateTime(locale, r.updatedAt, timeZone)}</div>
            </td>
            <td>
              <DecisionForms
                own={data.own.has(r.id)}
                ownText={t('updates.review.ownUpdate')}
                action={reviewUpdateAction}
                hidden={{ updateId: r.id, version: r.version }}
                approveLabel={t('updates.review.approve')}
                other={{ decision: 'return', label: t('updates.review.return'), commentLabel: t('updates.review.comment') }}
                pendingLabel={t('updates.form.saving')}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
