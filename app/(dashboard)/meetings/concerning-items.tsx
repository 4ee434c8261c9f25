import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { formatDate } from '@/lib/format';
import { loadItemsConcerning } from '@/data/meetings';
import { ItemStatus } from '@/components/meetings/item-status';

/**
 * On a goal's or an indicator's page: the meeting items that concern it, overdue ones first and flagged.
 */
export async function ConcerningItems(props: { indicatorId: number } | { goalId: number }) {
  const target = 'indicatorId' in props ? { indicatorId: props.indicatorId } : { goalId: props.goalId };
  const [{ items, asOf }, t, locale] = await Promise.all([loadItemsConcerning(target), getTranslations('meetings'), getLocale()]);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section className="card" aria-labelledby="concerning-items">
      <h2 id="concerning-items">{t('concerning.title')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('concerning.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('concerning.summary', { count: items.length, overdue, date: formatDate(locale, asOf) })}</p>
          <ul data-concerning-items>
            {items.map((i) => (
              <li key={i.id} data-item={i.id}>
                <ItemStatus status={i.status} label={t(`status.${i.status}`)} overdueLabel={i.overdue ? t('overdue') : undefined} />{' '}
                <Link href={`/meetings/items/${i.id}`}>{i.text}</Link>{' '}
                <span className="muted">
                  {t('concerning.line', {
                    kind: t(`itemKind.${i.kind}`),
                    meeting: i.meetingTitle,
                    date: formatDate(locale, i.meetingHeldOn),
                    owner: i.owner ?? '—',
                    due: i.dueOn ? formatDate(locale, i.dueOn) : '—',
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
