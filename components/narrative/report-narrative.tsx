import { getLocale, getTranslations } from 'next-intl/server';
import { MarkdownText } from '@/components/meetings/markdown';
import type { ApprovedNarrative } from '@/types/narratives';
import { formatDate, formatDateTime } from '@/lib/format';
import './narrative.css';

/** The approved narrative at the head of the committee report (and so of its PDF and the meeting pack). */
export async function ReportNarrative({ narrative }: { narrative: ApprovedNarrative }) {
  const [t, locale] = await Promise.all([getTranslations('narrative.report'), getLocale()]);
  return (
    <section className="card report-narrative" aria-labelledby="report-narrative-title" data-report-narrative>
      <h2 id="report-narrative-title">{t('title')}</h2>
      <p className="muted">
        {t('meta', {
          meeting: narrative.meetingTitle,
          date: formatDate(locale, narrative.meetingHeldOn),
          name: narrative.approvedByName ?? '—',
          when: formatDateTime(locale, narrative.approvedAt),
          asOf: formatDate(locale, narrative.asOf),
        })}
      </p>
      <div lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
        <MarkdownText text={locale === 'zh' ? narrative.bodyZh : narrative.bodyEn} />
      </div>
    </section>
  );
}
