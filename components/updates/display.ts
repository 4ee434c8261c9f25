import { localizedLabel } from '@/lib/i18n/localized';
import type { PlaceNames } from '@/types/updates';
import { formatDate, formatValue } from '@/lib/format';

type T = (key: string, values?: Record<string, string | number>) => string;
type Kind = 'count' | 'percent' | 'currency' | 'milestone';

/** An update's figure in words: milestones as reached / not reached, others with their unit. */
export function figureText(t: T, locale: string, figure: number | null, kind: Kind, unit: string): string {
  if (figure === null || !Number.isFinite(figure)) return t('value.notAvailable');
  if (kind === 'milestone') return figure >= 1 ? t('value.milestoneReached') : t('value.milestoneNotReached');
  return formatValue(locale, figure, kind, unit);
}

/** "2020-Q4 (1 Oct 2020 – 31 Dec 2020)". */
export function periodLabel(locale: string, p: { key: string; start: string; end: string }): string {
  return `${p.key} (${formatDate(locale, p.start)} – ${formatDate(locale, p.end)})`;
}

/** "Shanghai · Port cities" in the user's language: Chinese names where the registry has them, else marked English. */
export function placeText(t: T, locale: string, r: PlaceNames): string {
  const language = (lang: 'en' | 'zh') => t(`locale.fallback.${lang}`);
  const names: [string | null, string | null][] = [
    [r.cityName, r.cityNameZh],
    [r.clusterName, r.clusterNameZh],
    [r.partnerName, r.partnerNameZh],
  ];
  return names
    .filter((n): n is [string, string | null] => Boolean(n[0]))
    .map(([en, zh]) => localizedLabel(locale, en, zh, language))
    .join(' · ');
}
