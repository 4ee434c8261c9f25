import { diffWords } from 'diff';
import type { Locale } from '../i18n/config';

export interface DiffPart {
  text: string;
  change: 'added' | 'removed' | 'same';
}

/**
 * Word differences between two texts (jsdiff). Chinese has no spaces between words, so words are found with
 * Intl.Segmenter for the text's language. A pair of texts too different to compare within the time limit shows as
 * one removal and one addition, never as a hang.
 */
export function wordDiff(locale: Locale, before: string, after: string): DiffPart[] {
  const parts = diffWords(before, after, { intlSegmenter: new Intl.Segmenter(locale, { granularity: 'word' }), timeout: 500 });
  if (!parts) {
    return [
      { text: before, change: 'removed' as const },
      { text: after, change: 'added' as const },
    ].filter((p) => p.text !== '');
  }
  return parts.map((p) => ({ text: p.value, change: p.added ? 'added' : p.removed ? 'removed' : 'same' }));
}

/** Whether a diff has any change at all. */
export const hasChanges = (parts: DiffPart[]) => parts.some((p) => p.change !== 'same');
