import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { MarkdownText } from '@/components/meetings/markdown';
import { loadApprovedNarrative } from '@/data/narrative';
import { formatDate, formatDateTime } from '@/lib/format';
import type { NarrativeFormState } from '@/types/forms';
import { CloseRecordForm } from '@/components/narrative/narrative-forms';
import '@/components/narrative/narrative.css';

/**
 * The narrative in the meeting's record: the approved text in the reader's language (everyone signed in), the
 * way to prepare it (staff and admins), and closing the record, after which it stays as it is.
 */
export async function MeetingNarrative({
  meetingId,
  steering,
  canEdit,
  closeAction,
}: {
  meetingId: number;
  steering: boolean;
  canEdit: boolean;
  closeAction: (state: NarrativeFormState, formData: FormData) => Promise<NarrativeFormState>;
}) {
  const [data, t, locale] = await Promise.all([loadApprovedNarrative(meetingId), getTranslations('narrative.meeting'), getLocale()]);
  if (!data || (!steering && !data.approved)) return null;
  const { approved } = data;
  return (
    <section className="card" aria-labelledby="meeting-narrative-title" data-meeting-narrative>
      <h2 id="meeting-narrative-title">{t('title')}</h2>
      {approved ? (
        <>
          <p className="muted">
            {t('approvedMeta', {
              name: approved.approvedByName ?? '—',
              when: formatDateTime(locale, approved.approvedAt!),
              asOf: formatDate(locale, approved.asOf),
            })}
          </p>
          <div lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
            <MarkdownText text={locale === 'zh' ? approved.bodyZh : approved.bodyEn} />
          </div>
        </>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      {canEdit && steering && !data.closed ? (
        <p>
          <Link className="button" href={`/meetings/${meetingId}/narrative`}>
            {t('prepare')}
          </Link>
        </p>
      ) : null}
      {data.closed ? (
        <p data-record-closed>{t('closedOn', { when: formatDateTime(locale, data.closedAt!) })}</p>
      ) : canEdit ? (
        <CloseRecordForm action={closeAction} meetingId={meetingId} />
      ) : null}
    </section>
  );
}
