import { getLocale, getTranslations } from 'next-intl/server';
import type { NarrativeVersion } from '@/types/narratives';
import { formatDate, formatDateTime } from '@/lib/format';

/** Every version of a narrative, newest first: drafted or edited, by whom, when, and which one is approved. */
export async function NarrativeHistory({ versions, approvedId }: { versions: NarrativeVersion[]; approvedId: number | undefined }) {
  const [t, locale] = await Promise.all([getTranslations('narrative.history'), getLocale()]);
  return (
    <section aria-labelledby="narrative-history-title">
      <h2 id="narrative-history-title">{t('title')}</h2>
      <table className="table" data-narrative-history>
        <thead>
          <tr>
            <th scope="col">{t('version')}</th>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('by')}</th>
            <th scope="col">{t('when')}</th>
            <th scope="col">{t('asOf')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v, index) => (
            <tr key={v.id}>
              <td>
                {versions.length - index}
                {v.id === approvedId ? <> · {t('approved')}</> : null}
              </td>
              <td>{t(`kinds.${v.kind}`)}</td>
              <td>{v.createdByName ?? '—'}</td>
              <td>{formatDateTime(locale, v.createdAt)}</td>
              <td>{formatDate(locale, v.asOf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
