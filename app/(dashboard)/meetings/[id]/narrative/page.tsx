import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { MarkdownText } from '@/components/meetings/markdown';
import { NarrativeDiff } from '@/components/narrative/narrative-diff';
import { ApproveForm, EditForm, GenerateForm } from '@/components/narrative/narrative-forms';
import { NarrativeHistory } from '@/components/narrative/narrative-history';
import { requirePageUser } from '@/data/auth/session';
import { loadNarrativeWorkspace } from '@/data/narrative';
import { formatDate, formatDateTime } from '@/lib/format';
import { isLocale } from '@/lib/i18n/config';
import { approveNarrativeAction, generateNarrativeAction, saveNarrativeEditAction } from '../../narrative-actions';
import '@/components/narrative/narrative.css';

export async function generateMetadata() {
  const t = await getTranslations('narrative.page');
  return { title: t('title') };
}

const body = (v: { bodyEn: string; bodyZh: string }, locale: 'en' | 'zh') => (locale === 'zh' ? v.bodyZh : v.bodyEn);

/** Staff prepare a Steering Committee meeting's progress narrative: draft from the numbers, edit, approve. */
export default async function NarrativePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('narrative.edit');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const data = await loadNarrativeWorkspace(id);
  if (!data) notFound();
  const [t, rawLocale, query] = await Promise.all([getTranslations('narrative.page'), getLocale(), searchParams]);
  const locale = isLocale(rawLocale) ? rawLocale : 'en';
  const { meeting, current, latestDraft, previousDraft, approved, window, closed } = data;
  const done = typeof query.done === 'string' && ['generated', 'edited', 'approved'].includes(query.done) ? query.done : undefined;
  // The draft an edit started from, and an edit that a later redraft replaced (its changes are shown beside it).
  const draftOfCurrent = current?.kind === 'edited' ? data.versions.filter((v) => v.kind === 'generated' && v.id < current.id).at(-1) : undefined;
  const replacedEdit =
    current?.kind === 'generated' ? data.versions.filter((v) => v.kind === 'edited' && v.id < current.id && (!previousDraft || v.id > previousDraft.id)).at(-1) : undefined;
  const who = (v: { createdByName: string | null }) => v.createdByName ?? t('someone');
  return (
    <>
      <p>
        <Link href={`/meetings/${meeting.id}`}>{t('back', { title: meeting.title })}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">
        {meeting.title} · {formatDate(locale, meeting.heldOn)}
      </p>
      {done ? (
        <p role="status" className="card">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {meeting.kind !== 'steering_committee' ? <p className="card">{t('steeringOnly')}</p> : null}
      {closed ? <p className="card" data-narrative-closed>{t('closed', { when: formatDateTime(locale, meeting.closedAt!) })}</p> : null}
      {window ? (
        <p>
          {window.previousMeeting
            ? t('windowSinceMeeting', { since: formatDate(locale, window.since), meeting: window.previousMeeting.title })
            : t('windowSincePlanStart', { since: formatDate(locale, window.since) })}
        </p>
      ) : (
        <p className="card">{t('noPlan')}</p>
      )}

      {!closed && window && meeting.kind === 'steering_committee' ? (
        <section className="card" aria-labelledby="narrative-draft-title">
          <h2 id="narrative-draft-title">{current ? t('redraftTitle') : t('draftTitle')}</h2>
          <p className="muted">{t('draftHint')}</p>
          <GenerateForm action={generateNarrativeAction} meetingId={meeting.id} defaultAsOf={window.asOf} redraft={current !== undefined} />
        </section>
      ) : null}

      {current ? (
        <>
          <section className="card" aria-labelledby="narrative-current-title" data-narrative-current>
            <h2 id="narrative-current-title">{t('currentTitle')}</h2>
            <p className="muted" data-narrative-meta>
              {t(current.kind === 'generated' ? 'metaGenerated' : 'metaEdited', {
                name: who(current),
                when: formatDateTime(locale, current.createdAt),
                asOf: formatDate(locale, current.asOf),
              })}
            </p>
            <p data-narrative-approval>
              {approved?.id === current.id
                ? t('approvedThis', { name: approved.approvedByName ?? t('someone'), when: formatDateTime(locale, approved.approvedAt!) })
                : approved
                  ? t('approvedEarlier', { name: approved.approvedByName ?? t('someone'), when: formatDateTime(locale, approved.approvedAt!) })
                  : t('notApproved')}
            </p>
            <div className="narrative-columns">
              <div lang="en">
                <h3>{t('english')}</h3>
                <MarkdownText text={current.bodyEn} />
              </div>
              <div lang="zh-Hans">
                <h3>{t('chinese')}</h3>
                <MarkdownText text={current.bodyZh} />
              </div>
            </div>
            {data.mayApprove ? (
              <ApproveForm action={approveNarrativeAction} meetingId={meeting.id} versionId={current.id} />
            ) : !closed && approved?.id !== current.id && current.createdBy === data.user.id ? (
              <p className="muted">{t('ownText')}</p>
            ) : null}
          </section>

          {previousDraft && latestDraft ? (
            <section className="card" aria-labelledby="narrative-changes" data-narrative-changes>
              <h2 id="narrative-changes">{t('changesTitle')}</h2>
              <p className="muted">
                {t('changesHint', { before: formatDate(locale, previousDraft.asOf), after: formatDate(locale, latestDraft.asOf), when: formatDateTime(locale, latestDraft.createdAt) })}
              </p>
              <NarrativeDiff locale={locale} before={body(previousDraft, locale)} after={body(latestDraft, locale)} label={t('changesTitle')} />
            </section>
          ) : null}

          {draftOfCurrent ? (
            <section className="card" aria-labelledby="narrative-edit-diff" data-narrative-edit-diff>
              <h2 id="narrative-edit-diff">{t('editDiffTitle')}</h2>
              <p className="muted">{t('editDiffHint', { name: who(current), when: formatDateTime(locale, current.createdAt) })}</p>
              <NarrativeDiff locale={locale} before={body(draftOfCurrent, locale)} after={body(current, locale)} label={t('editDiffTitle')} />
            </section>
          ) : null}

          {replacedEdit ? (
            <section className="card" aria-labelledby="narrative-replaced-edit">
              <h2 id="narrative-replaced-edit">{t('replacedEditTitle')}</h2>
              <p className="muted">{t('replacedEditHint', { name: who(replacedEdit), when: formatDateTime(locale, replacedEdit.createdAt) })}</p>
              <NarrativeDiff locale={locale} before={body(replacedEdit, locale)} after={body(current, locale)} label={t('replacedEditTitle')} />
            </section>
          ) : null}

          {!closed ? (
            <section className="card" aria-labelledby="narrative-edit-title">
              <h2 id="narrative-edit-title">{t('editTitle')}</h2>
              <p className="muted">{t('editHint')}</p>
              <EditForm key={current.id} action={saveNarrativeEditAction} meetingId={meeting.id} versionId={current.id} bodyEn={current.bodyEn} bodyZh={current.bodyZh} />
            </section>
          ) : null}

          <NarrativeHistory versions={data.versions} approvedId={approved?.id} />
        </>
      ) : (
        <p className="card">{t('noDraft')}</p>
      )}
    </>
  );
}
