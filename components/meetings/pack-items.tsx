import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { LocalizedText } from '@/components/ui/localized-text';
import type { ReportIndicator } from '@/types/meetings';
import type { Pack } from '@/types/meetings';
import { formatDate, formatValue } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { ItemStatus } from './item-status';
import { DataTable } from '@/components/ui/data-table';

type T = Awaited<ReturnType<typeof getTranslations>>;

function reading(t: T, locale: string, i: ReportIndicator, v: number | null) {
  return v === null || !Number.isFinite(v) ? t('value.notAvailable') : formatValue(locale, v, i.valueKind, i.unit);
}

/**
 * The pack's answer to "what did we decide last time, was it done, and did it move the indicators": every item
 * recorded at the meeting with its status as of the pack's date, and each linked indicator at the meeting and now.
 */
export async function PackItems({ pack }: { pack: Pack }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const report = pack.data!.report;
  const since = formatDate(locale, report.since);
  const asOf = formatDate(locale, report.asOf);
  return (
    <section className="card" aria-labelledby="pack-items">
      <h2 id="pack-items">{t('meetings.pack.itemsTitle', { title: pack.meeting.title, date: formatDate(locale, pack.meeting.heldOn) })}</h2>
      <DataTable
        empty={pack.items.length === 0 && t('meetings.pack.noItems')}
        className="pack-items"
        caption={t('meetings.pack.itemsCaption', { asOf })}
        head={
          <>
            <th scope="col">{t('meetings.items.item')}</th>
            <th scope="col">{t('meetings.items.owner')}</th>
            <th scope="col">{t('meetings.items.due')}</th>
            <th scope="col">{t('meetings.pack.statusOn', { date: asOf })}</th>
            <th scope="col">{t('meetings.pack.indicatorChange', { since, asOf })}</th>
          </>
        }
      >
        {pack.items.map((item) => (
          <tr key={item.id} data-pack-item={item.id}>
            <th scope="row">
              <span className="muted">{t(`meetings.itemKind.${item.kind}`)}</span>
              <br />
              <Link href={`/meetings/items/${item.id}`}>{item.text}</Link>
            </th>
            <td>{item.owner ?? '—'}</td>
            <td>{item.dueOn ? formatDate(locale, item.dueOn) : '—'}</td>
            <td>
              <ItemStatus status={item.status} label={t(`meetings.status.${item.status}`)} overdueLabel={item.overdue ? t('meetings.overdue') : undefined} />
              <div className="muted">{t('meetings.items.since', { date: formatDate(locale, item.statusSince) })}</div>
            </td>
            <td>
              {item.indicators.length === 0 && item.goals.length === 0 ? '—' : null}
              <ul className="link-list">
                {item.indicators.map((i) => (
                  <li key={i.id} data-pack-indicator={i.code}>
                    <strong>{i.code}</strong> <LocalizedText value={localized(locale, i.name, i.nameZh)} />:{' '}
                    {t('meetings.pack.change', { from: reading(t, locale, i, i.then.actual.value), to: reading(t, locale, i, i.now.actual.value) })}{' '}
                    {i.then.status === i.now.status ? (
                      <StatusBadge status={i.now.status} label={t(`status.${i.now.status}`)} />
                    ) : (
                      <>
                        {t(`status.${i.then.status}`)} → <StatusBadge status={i.now.status} label={t(`status.${i.now.status}`)} />
                      </>
                    )}
                  </li>
                ))}
                {item.goals.map((g) => (
                  <li key={`g${g.goalId}`}>
                    <strong>{g.code}</strong> <LocalizedText value={localized(locale, g.name, g.nameZh)} />
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
