/**
 * Renders the sentence rules' output in one language: each sentence is a message of the `narrative` catalog
 * (ICU plurals and selects through next-intl), and each figure is formatted by lib/format exactly as the charts
 * and the report format it. The body is Markdown: a heading per goal, a paragraph of sentences under it.
 */
import { createTranslator } from 'next-intl';
import { formatDate, formatValue } from '../format';
import type { Locale } from '../i18n/config';
import { localized } from '../i18n/localized';
import enMessages from '../i18n/messages/en';
import zhMessages from '../i18n/messages/zh';
import { narrativeSections } from './rules';
import type { Arg, NarrativeInput, NarrativeSection, Sentence } from './types';

type Translate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<Locale, Translate>();

/** The narrative catalog of a language (the catalog is merged at run time, so its keys are plain strings here). */
export function narrativeTranslator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const messages = (locale === 'zh' ? zhMessages : enMessages) as Record<string, unknown>;
    t = createTranslator({ locale, messages, namespace: 'narrative' }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

function formatArg(locale: Locale, t: Translate, arg: Arg): string | number {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  // formatValue is what the chart captions and the report tables use: the same function gives the same digits.
  if ('figure' in arg) return formatValue(locale, arg.figure, arg.valueKind, arg.unit);
  if ('date' in arg) return formatDate(locale, arg.date);
  if ('status' in arg) return t(`statusWord.${arg.status}`);
  if ('text' in arg) return localized(locale, arg.text, arg.textZh).text;
  if ('sentence' in arg) return renderSentence(locale, arg.sentence);
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(arg.list.map((a) => String(formatArg(locale, t, a))));
}

export function renderSentence(locale: Locale, sentence: Sentence): string {
  const t = narrativeTranslator(locale);
  const values = Object.fromEntries(Object.entries(sentence.args).map(([k, v]) => [k, formatArg(locale, t, v)]));
  return t(sentence.key, values);
}

/** Sentences of a paragraph: Chinese runs them together, English separates them by a space. */
const sentenceGap = (locale: Locale) => (locale === 'zh' ? '' : ' ');

export function renderSections(locale: Locale, sections: NarrativeSection[]): string {
  const t = narrativeTranslator(locale);
  return sections
    .map((section) => {
      const paragraph = section.sentences.map((s) => renderSentence(locale, s)).join(sentenceGap(locale));
      if (!section.goal) return paragraph;
      const title = localized(locale, section.goal.title, section.goal.titleZh).text;
      return `### ${t('goalHeading', { code: section.goal.code, title })}\n\n${paragraph}`;
    })
    .join('\n\n');
}

/** The draft in both languages, from the same facts. */
export function draftNarrative(input: NarrativeInput): { en: string; zh: string } {
  const sections = narrativeSections(input);
  return { en: renderSections('en', sections), zh: renderSections('zh', sections) };
}
