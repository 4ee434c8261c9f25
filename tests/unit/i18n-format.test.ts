import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatDate, formatPercent, formatValue } from '@/lib/format';
import { negotiateLocale } from '@/lib/i18n/config';
import { localized } from '@/lib/i18n/localized';
import en from '@/lib/i18n/messages/en';
import zh from '@/lib/i18n/messages/zh';
import { periodLabel } from '@/lib/i18n/periods';

const translator = (locale: 'en' | 'zh') =>
  createTranslator({ locale, messages: (locale === 'en' ? en : zh) as Record<string, unknown> }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;

describe('formatting in the user\u2019s locale', () => {
  it('labels periods in English and Chinese', () => {
    const q2 = { start: '2020-04-01', end: '2020-06-30' };
    expect(periodLabel(translator('en'), 'en', q2, 'quarterly')).toBe('2020 Q2');
    expect(periodLabel(translator('zh'), 'zh', q2, 'quarterly')).toBe('2020年第二季度');
    const h2 = { start: '2020-07-01', end: '2020-12-31' };
    expect(periodLabel(translator('en'), 'en', h2, 'semiannual')).toBe('2020 H2');
    expect(periodLabel(translator('zh'), 'zh', h2, 'semiannual')).toBe('2020年下半年');
    const year = { start: '2020-01-01', end: '2020-12-31' };
    expect(periodLabel(translator('zh'), 'zh', year, 'annual')).toBe('2020年');
    expect(periodLabel(translator('zh'), 'zh', { start: '2020-03-01', end: '2020-03-31' }, 'monthly')).toBe('2020年3月');
  });

  it('formats numbers, percentages, currencies and dates with Intl for the locale', () => {
    expect(formatValue('en', 1234567.8, 'count', 'people')).toBe('1,234,567.8');
    expect(formatValue('zh', 1234567.8, 'count', 'people')).toBe('1,234,567.8');
    expect(formatValue('en', 500000, 'currency', 'USD')).toBe('$500,000');
    expect(formatValue('zh', 500000, 'currency', 'USD')).toBe('US$500,000');
    expect(formatPercent('en', 0.925)).toBe('93%');
    expect(formatValue('zh', 92.5, 'percent', '%')).toBe('92.5%');
    expect(formatDate('en', '2020-11-15')).toBe('Nov 15, 2020');
    expect(formatDate('zh', '2020-11-15')).toBe('2020年11月15日');
  });

  it('picks the language from Accept-Language, honouring q-values', () => {
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR,zh;q=0.5,en;q=0.4')).toBe('zh');
    expect(negotiateLocale('fr-FR')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('en;q=0.1, zh-TW;q=0.8')).toBe('zh');
  });

  it('shows names in the user\u2019s language and marks a fallback', () => {
    expect(localized('zh', 'Quanzhou', '泉州')).toEqual({ text: '泉州', lang: 'zh', fallback: false });
    expect(localized('zh', 'Quanzhou', null)).toEqual({ text: 'Quanzhou', lang: 'en', fallback: true });
    expect(localized('en', 'Quanzhou', '泉州')).toEqual({ text: 'Quanzhou', lang: 'en', fallback: false });
  });
});
