import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { CommentThread } from '@/app/(dashboard)/meetings/comment-thread';
import { ItemForm } from '@/components/meetings/item-form';
import { ItemLinks } from '@/components/meetings/item-links';
import { ItemStatus } from '@/components/meetings/item-status';
import { StatusForm } from '@/components/meetings/status-form';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { formatDate } from '@/lib/format';
import { loadItem } from '@/data/meetings';
import { localized } from '@/lib/i18n/localized';
import { changeItemStatusAction, updateItemAction } from '../../item-actions';
import { transitions } from '@/lib/validation/meetings';

export async function generateMetadata() {
  const t = await getTranslations('meetings');
  return { title: t('item.title') };
}

/** One item: what, who, by when, its status with dated history, what it concerns, and its comments. */
export default async function ItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('dashboard.read');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const canEdit = can(user.role, 'meeting.edit');
  const data = await loadItem(id, { forEditing: canEdit });
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()]);
  const { item, meeting, links, history, choices } = data;
  const label = (text: string, zh: string | null) => localized(locale, text, zh).text;
  return (
    <>
      <p>
        <Link href={`/meetings/${meeting.id}`}>{t('backTo', { title: meeting.title })}</Link>
      </p>
      <h1>{t(`itemKind.${item.kind}`)}</h1>
      <p className="card" data-item-text>
        {item.text}
      </p>
      <section className="card" aria-labelledby="item-details">
        <h2 id="item-details">{t('item.details')}</h2>
        <dl className="details">
          <dt>{t('items.status')}</dt>
          <dd data-item-status>
            <ItemStatus status={item.status} label={t(`status.${item.status}`)} overdueLabel={item.overdue ? t('overdue') : undefined} />
          </dd>
          <dt>{t('items.owner')}</dt>
          <dd>{item.owner ?? '—'}</dd>
          <dt>{t('items.due')}</dt>
          <dd>{item.dueOn ? formatDate(locale, item.dueOn) : '—'}</dd>
          <dt>{t('items.concerns')}</dt>
          <dd>
            <ItemLinks links={links} locale={locale} />
          </dd>
        </dl>
        <h3>{t('item.history')}</h3>
        <ol data-history>
          {history.map((h) => (
            <li key={h.id}>
              {t('item.historyLine', { status: t(`status.${h.status}`), date: formatDate(locale, h.changedOn), who: h.changedBy ?? '—' })}
            </li>
          ))}
        </ol>
      </section>
      {canEdit ? (
        <section className="card" aria-labelledby="item-status-title">
          <h2 id="item-status-title">{t('item.changeStatus')}</h2>
          <StatusForm action={changeItemStatusAction} itemId={item.id} next={transitions[item.status]} defaultDate={data.asOf} />
        </section>
      ) : null}
      <CommentThread subject="item" subjectId={item.id} />
      {canEdit && choices ? (
        <section className="card" aria-labelledby="item-edit-title">
          <h2 id="item-edit-title">{t('item.edit')}</h2>
          <ItemForm
            action={updateItemAction}
            hidden={{ itemId: item.id }}
            initial={{ kind: item.kind, text: item.text, ownerId: item.ownerId ?? '', ownerName: item.ownerId ? '' : (item.owner ?? ''), dueOn: item.dueOn ?? '' }}
            initialLists={{
              goalIds: links.flatMap((l) => (l.goalId === null ? [] : [String(l.goalId)])),
              indicatorIds: links.flatMap((l) => (l.indicatorId === null ? [] : [String(l.indicatorId)])),
            }}
            choices={{
              owners: choices.owners,
              goals: choices.goals.map((g) => ({ id: g.id, code: g.code, label: label(g.title, g.titleZh) })),
              indicators: choices.indicators.map((i) => ({ id: i.id, code: i.code, label: label(i.name, i.nameZh) })),
            }}
          />
        </section>
      ) : null}
    </>
  );
}
