import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import type { ItemLink, ItemRow } from '@/types/meetings';
import { formatDate } from '@/lib/format';
import { ItemLinks } from './item-links';
import { ItemStatus } from './item-status';

/** A meeting's items: kind, text, owner, due date, status (overdue flagged) and what they concern. */
export async function ItemsTable({ items, planYear }: { items: (ItemRow & { links: ItemLink[] })[]; planYear?: number }) {
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()]);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('items.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('items.item')}</th>
            <th scope="col">{t('items.owner')}</th>
            <th scope="col">{t('items.due')}</th>
            <th scope="col">{t('items.status')}</th>
            <th scope="col">{t('items.concerns')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} id={`item-${i.id}`} data-item={i.id}>
              <th scope="row">
                <span className="muted">{t(`itemKind.${i.kind}`)}</span>
                <br />
                <Link href={`/meetings/items/${i.id}`}>{i.text}</Link>
              </th>
              <td>{i.owner ?? '—'}</td>
              <td>{i.dueOn ? formatDate(locale, i.dueOn) : '—'}</td>
              <td>
                <ItemStatus status={i.status} label={t(`status.${i.status}`)} overdueLabel={i.overdue ? t('overdue') : undefined} />
                {i.statusSince ? <div className="muted">{t('items.since', { date: formatDate(locale, i.statusSince) })}</div> : null}
              </td>
              <td>
                <ItemLinks links={i.links} locale={locale} planYear={planYear} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
