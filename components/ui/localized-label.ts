import { localized } from '@/lib/i18n/localized';

/**
 * A name as plain text in the user's language (for <option>s and other places that cannot hold markup): the
 * Chinese name for Chinese readers where the data has one, else the English one marked with its language.
 */
export function localizedLabel(locale: string, en: string, zh: string | null | undefined, languageName: (lang: 'en' | 'zh') => string): string {
  const value = localized(locale, en, zh);
  return value.fallback && value.text ? `${value.text} (${languageName(value.lang)})` : value.text;
}
