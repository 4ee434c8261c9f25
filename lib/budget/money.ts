import { numberFormat } from '../intl-formats';
/**
 * Display of money and of the budget's ratios. Money arrives as decimal text from Postgres and is formatted from
 * that text (Intl formats a numeric string exactly), so no amount passes through a float on its way to the page.
 */
export function formatMoney(locale: string, amount: string, currency: string, fractionDigits = 2): string {
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format as (value: string) => string;
  return format(amount);
}

/** A ratio (0.658…) as a percentage with one decimal; an em dash when there is none. */
export function formatRatio(locale: string, ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/**
 * "Delivered N % of targets to date" for the burn-rate comparison: the mean of the indicators' achievements as
 * the overview evaluates them, each capped to 0–100 % so that one indicator far ahead cannot hide others behind.
 * Indicators without data are left out; null when none has data.
 */
export function deliveryShare(achievements: readonly (number | null)[]): number | null {
  const known = achievements.filter((a): a is number => a !== null && Number.isFinite(a));
  if (known.length === 0) return null;
  return known.reduce((s, a) => s + Math.min(1, Math.max(0, a)), 0) / known.length;
}
