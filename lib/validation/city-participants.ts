import { z } from 'zod';

/**
 * Participants by city as staff type them in the activity form and the import's `cities` column:
 * "Almaty: 18; Tashkent (Uzbekistan): 8" (entries split by ';' or new lines; a city may name its country in
 * brackets). Names are resolved against the city registry by db/queries/registries.
 */
export interface CityParticipants {
  city: string;
  participants: number;
}

const entry = /^(.+?)\s*:\s*(\d{1,7})$/;

/** The entries, or null when one is not "name: whole number". */
export function parseCityParticipants(text: string): CityParticipants[] | null {
  const parts = text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
  const out: CityParticipants[] = [];
  for (const part of parts) {
    const m = entry.exec(part);
    if (!m) return null;
    out.push({ city: m[1]!.trim(), participants: Number(m[2]) });
  }
  return out;
}

/** Splits an import cell "Almaty: 18; Tashkent" into the city names and the entries with a count. */
export function splitCitiesCell(text: string): { names: string[]; counted: string[] } {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  return {
    names: parts.map((p) => p.replace(/\s*:\s*\d{1,7}$/, '')),
    counted: parts.filter((p) => entry.test(p)),
  };
}

export const cityParticipantsField = z
  .preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(2000, 'registries.validation.tooLong'))
  .transform((text, ctx) => {
    const list = parseCityParticipants(text);
    if (list === null) {
      ctx.addIssue({ code: 'custom', message: 'registries.validation.cityParticipantsFormat' });
      return z.NEVER;
    }
    return list;
  });

export function formatCityParticipants(list: readonly { name: string; participants: number | null }[]): string {
  return list
    .filter((c) => c.participants !== null)
    .map((c) => `${c.name}: ${c.participants}`)
    .join('; ');
}
