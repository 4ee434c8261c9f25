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

/**
 * A name as plain text in the user's language (for <option>s and other places that cannot hold markup): the
 * Chinese name for Chinese readers where the data has one, else the English one marked with its language.
 */
export function localizedLabel(locale: string, en: string, zh: string | null | undefined, languageName: (lang: 'en' | 'zh') => string): string {
  const value = localized(locale, en, zh);
  return value.fallback && value.text ? `${value.text} (${languageName(value.lang)})` : value.text;
}
