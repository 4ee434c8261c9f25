import type { getTranslations } from 'next-intl/server';

export type T = Awaited<ReturnType<typeof getTranslations>>;

/** The options of a closed list, labelled from registries.values.<group>. */
export function valueOptions(t: T, group: string, values: readonly string[]) {
  return values.map((value) => ({ value, label: t(`registries.values.${group}.${value}`) }));
}

export function cityChoices(cities: { id: number; name: string; country: string }[]) {
  return cities.map((c) => ({ value: String(c.id), label: `${c.name} (${c.country})` }));
}

export const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));
