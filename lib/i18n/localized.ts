import type { Locale } from './config';

export interface LocalizedText {
  text: string;
  /** The language the text is in. */
  lang: Locale;
  /** The user's language had no text, so the other one is shown (and marked as such). */
  fallback: boolean;
}

/**
 * Names of things in the user's language where the data has them: goals, indicators, cities and clusters carry
 * an optional Chinese name beside the English one. Falls back to the other language, flagged.
 */
export function localized(locale: string, en: string, zh: string | null | undefined): LocalizedText {
  const chinese = zh?.trim();
  if (locale === 'zh') return chinese ? { text: chinese, lang: 'zh', fallback: false } : { text: en, lang: 'en', fallback: true };
  return en.trim() ? { text: en, lang: 'en', fallback: false } : { text: chinese ?? '', lang: 'zh', fallback: true };
}
