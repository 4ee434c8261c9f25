import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ItemsTable } from '@/components/meetings/items-table';
import { MarkdownText } from '@/components/meetings/markdown';
import { MeetingNarrative } from './meeting-narrative';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { formatDate } from '@/lib/format';
import { loadMeeting } from '@/data/meetings';
import { closeMeetingRecordAction } from '../narrative-actions';

export async function generateMetadata() {
  const t = await getTranslations('meetings');
  return { title: t('meetingTitle') };
}

/** One meeting: participants, agenda, minutes (Markdown, rendered safely), its items, and the pack for the next. */
export default async function MeetingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('dashboard.read');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const data = await loadMeeting(id);
  if (!data) notFound();
  const [t, locale, query] = await Promise.all([getTranslations('meetings'), getLocale(), searchParams]);
  const { meeting: m, items } = data;
  const canEdit = can(user.role, 'meeting.edit');
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <>
      <p>
        <Link href="/meetings">{t('back')}</Link>
      </p>
      <h1>{m.title}</h1>
      <p className="muted">
        {t(`kind.${m.kind}`)} · {formatDate(locale, m.heldOn)}
      </p>
      {query.closed ? (
        <p role="status" className="card">
          {t('recordClosed')}
        </p>
      ) : null}
      {query.saved ? (
        <p role="status" className="card">
          {t('saved')}
        </p>
      ) : null}
      <p className="toolbar">
        <Link className="button" href={`/meetings/${m.id}/pack`}>
          {t('pack.prepare')}
        </Link>
        {canEdit ? <Link href={`/meetings/${m.id}/edit`}>{t('edit')}</Link> : null}
      </p>
      <section className="card" aria-labelledby="participants-title">
        <h2 id="participants-title">{t('participants')}</h2>
        {data.participants.length > 0 ? (
          <ul className="link-list" data-participants>
            {data.participants.map((p) => (
              <li key={p.id}>{p.name}</li>
            ))}
          </ul>
        ) : null}
        {m.participants || data.participants.length === 0 ? <p>{m.participants || '—'}</p> : null}
        <h2>{t('agenda')}</h2>
        {m.agenda ? <MarkdownText text={m.agenda} /> : <p className="muted">—</p>}
      </section>
      <section className="card" aria-labelledby="minutes-title">
        <h2 id="minutes-title">{t('minutes')}</h2>
        {m.minutes ? <MarkdownText text={m.minutes} /> : <p className="muted">{canEdit ? t('noMinutesEdit') : t('noMinutes')}</p>}
      </section>
      <MeetingNarrative meetingId={m.id} steering={m.kind === 'steering_committee'} canEdit={canEdit} closeAction={closeMeetingRecordAction} />
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('items.title')}</h2>
        <p className="muted">{t('items.summary', { count: items.length, overdue, date: formatDate(locale, data.asOf) })}</p>
        {canEdit ? (
          <p>
            <Link className="button" href={`/meetings/${m.id}/items/new`}>
              {t('item.new')}
            </Link>
          </p>
        ) : null}
        {items.length === 0 ? <p className="card">{canEdit ? t('items.emptyEdit') : t('items.empty')}</p> : <ItemsTable items={items} />}
      </section>
    </>
  );
}
