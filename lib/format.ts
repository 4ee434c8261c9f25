import type { ValueKind } from './progress/types';
import { dateTimeFormat, numberFormat } from './intl-formats';

/** Number formatting follows the user's locale (Intl); currency units are ISO codes such as USD. */
export function formatNumber(locale: string, value: number, maximumFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

export function formatPercent(locale: string, ratio: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

const isoCurrency = /^[A-Z]{3}$/;

/**
 * A value of an indicator with its unit. Percent values are already 0–100; milestones are 0/1 and are
 * worded by the caller (the words come from the message catalog).
 */
export function formatValue(locale: string, value: number, valueKind: ValueKind, unit: string): string {
  switch (valueKind) {
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'currency':
      return isoCurrency.test(unit)
        ? numberFormat(locale, { style: 'currency', currency: unit, maximumFractionDigits: 0 }).format(value)
        : `${formatNumber(locale, value, 0)} ${unit}`;
    default:
      return formatNumber(locale, value);
  }
}

/** A calendar date ('YYYY-MM-DD') in the user's locale; calendar dates have no time zone. */
export function formatDate(locale: string, isoDate: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A timestamp in the user's time zone. */
export function formatDateTime(locale: string, timestamp: Date | string, timeZone?: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(timestamp));
}
