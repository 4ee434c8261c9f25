import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { hasChanges, wordDiff } from '@/lib/narrative/diff';

/**
 * Word differences between two texts: removed words struck through, added words underlined, each also named
 * in words for screen readers (colour alone never carries the change).
 */
export async function NarrativeDiff({ locale, before, after, label }: { locale: Locale; before: string; after: string; label: string }) {
  const t = await getTranslations('narrative.diff');
  const parts = wordDiff(locale, before, after);
  if (!hasChanges(parts)) return <p className="muted">{t('none')}</p>;
  return (
    <div className="narrative-diff" role="group" aria-label={label} lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
      {parts.map((p, index) =>
        p.change === 'same' ? (
          <span key={index}>{p.text}</span>
        ) : p.change === 'added' ? (
          <ins key={index} data-diff="added">
            <span className="visually-hidden">{t('addedStart')}</span>
            {p.text}
            <span className="visually-hidden">{t('addedEnd')}</span>
          </ins>
        ) : (
          <del key={index} data-diff="removed">
            <span className="visually-hidden">{t('removedStart')}</span>
            {p.text}
            <span className="visually-hidden">{t('removedEnd')}</span>
          </del>
        ),
      )}
    </div>
  );
}
