import type { Frequency, Period } from '../periods';
import { dateTimeFormat } from '../intl-formats';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A period's label in the user's language, from the catalog's `period` templates: "2020 Q2" / "2020年第二季度",
 * "2020 H1" / "2020年上半年", "Mar 2020" / "2020年3月", "2020" / "2020年".
 */
export function periodLabel(t: Translate, locale: string, period: Period, frequency: Frequency): string {
  const [yearText = '', monthText = '1'] = period.start.split('-');
  const year = Number(yearText);
  const month = Number(monthText);
  switch (frequency) {
    case 'quarterly':
      return t('period.quarter', { year: yearText, quarter: String(Math.floor((month - 1) / 3) + 1) });
    case 'semiannual':
      return t('period.half', { year: yearText, half: month <= 6 ? '1' : '2' });
    case 'monthly':
      return dateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(Date.UTC(year, month - 1, 1)),
      );
    case 'annual':
      return t('period.year', { year: yearText });
  }
}
