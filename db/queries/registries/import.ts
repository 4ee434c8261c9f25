import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Registry } from '@/lib/validation/registries';
import {
  activityFormSchema,
  cityFormSchema,
  clusterFormSchema,
  partnerFormSchema,
  supportRequestFormSchema,
} from '@/lib/validation/registries-forms';
import { IO_COLUMNS, columnOf, type IoRow } from '@/lib/validation/registries-io';
import { splitCitiesCell } from '@/lib/validation/city-participants';
import type { Db } from '../../client';
import { queryRows } from '../raw';
import { createActivity } from './activities';
import { createCity } from './cities';
import { createCluster } from './clusters';
import { createPartner } from './partners';
import { cityResolver, type CityRef, type WriteResult } from './shared';
import { createSupportRequest } from './support-requests';

/**
 * Import of registry files, in two steps: `checkImport` validates every row exactly as the forms do (zod, city
 * names resolved, duplicates in the database and within the file) and reports problems by row and column,
 * writing nothing; `runImport` re-checks and creates the valid rows only, each with its audit row.
 */

export interface ImportProblem {
  /** Row number in the file: the header is row 1. */
  row: number;
  column: string;
  /** A message key (registries.validation.*). */
  messageKey: string;
}

export interface ImportCheck {
  total: number;
  valid: { row: number; input: unknown }[];
  problems: ImportProblem[];
}

const schemas: Record<Registry, z.ZodType> = {
  cities: cityFormSchema,
  partners: partnerFormSchema,
  clusters: clusterFormSchema,
  'support-requests': supportRequestFormSchema,
  activities: activityFormSchema,
};

const yes = (v: string) => ['yes', 'y', 'true', '1', 'on', 'x'].includes(v.trim().toLowerCase());

export async function checkImport(db: Db, registry: Registry, rows: IoRow[], today: string): Promise<ImportCheck> {
  const cities = await queryRows<CityRef>(db, sql`select id, name, country from cities where archived_at is null`);
  const resolveCity = cityResolver(cities);
  const taken = await existingKeys(db, registry);
  const problems: ImportProblem[] = [];
  const valid: ImportCheck['valid'] = [];
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const rowProblems: ImportProblem[] = [];
    const raw: Record<string, unknown> = {};
    for (const column of IO_COLUMNS[registry]) {
      if (!column.field) continue;
      const value = row[column.header] ?? '';
      if (column.field === 'cityIds') {
        // Activities may give participants per city in the same cell: "Almaty: 18; Tashkent".
        const { names, counted } = splitCitiesCell(value);
        if (registry === 'activities') raw.cityParticipants = counted.join('; ');
        const ids = names.map(resolveCity);
        if (ids.some((id) => id === undefined)) rowProblems.push({ row: rowNumber, column: column.header, messageKey: 'registries.validation.unknownCity' });
        raw.cityIds = ids.filter((id) => id !== undefined).map(String);
      } else if (column.field === 'cityId' || column.field === 'leadCityId') {
        const id = value ? resolveCity(value) : undefined;
        if (value && id === undefined) rowProblems.push({ row: rowNumber, column: column.header, messageKey: 'registries.validation.unknownCity' });
        raw[column.field] = id === undefined ? '' : String(id);
      } else if (column.field === 'viaNationalPartner') {
        raw[column.field] = yes(value) ? 'on' : '';
      } else {
        raw[column.field] = value;
      }
    }
    if ('statusDate' in raw && raw.statusDate === '') raw.statusDate = today;
    const parsed = schemas[registry].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (rowProblems.some((p) => p.column === columnOf(registry, field))) continue;
        rowProblems.push({ row: rowNumber, column: columnOf(registry, field), messageKey: issue.message });
      }
    } else {
      const key = uniqueKey(registry, parsed.data as Record<string, unknown>);
      if (key !== undefined && taken.has(key)) {
        rowProblems.push({ row: rowNumber, column: 'name', messageKey: `registries.validation.${registry === 'cities' ? 'duplicateCity' : registry === 'partners' ? 'duplicatePartner' : 'duplicateCluster'}` });
      } else if (key !== undefined) {
        taken.add(key);
      }
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else valid.push({ row: rowNumber, input: parsed.data });
  });
  return { total: rows.length, valid, problems };
}

/** The key that must be unique: a city per country, a partner or cluster per name (case-insensitive). */
function uniqueKey(registry: Registry, input: Record<string, unknown>): string | undefined {
  const lower = (v: unknown) => String(v ?? '').toLowerCase();
  if (registry === 'cities') return `${lower(input.country)}|${lower(input.name)}`;
  if (registry === 'partners' || registry === 'clusters') return lower(input.name);
  return undefined;
}

async function existingKeys(db: Db, registry: Registry): Promise<Set<string>> {
  const query =
    registry === 'cities'
      ? sql`select lower(country) || '|' || lower(name) as key from cities`
      : registry === 'partners'
        ? sql`select lower(name) as key from partners`
        : registry === 'clusters'
          ? sql`select lower(name) as key from clusters`
          : undefined;
  if (!query) return new Set();
  return new Set((await queryRows<{ key: string }>(db, query)).map((r) => r.key));
}

const creators: Record<Registry, (db: Db, input: never, actorId: string | null) => Promise<WriteResult>> = {
  cities: createCity,
  partners: createPartner,
  clusters: createCluster,
  'support-requests': createSupportRequest,
  activities: createActivity,
};

/** Creates the rows that pass the check; the others are reported and left out. */
export async function runImport(db: Db, registry: Registry, rows: IoRow[], today: string, actorId: string | null) {
  const check = await checkImport(db, registry, rows, today);
  const problems = [...check.problems];
  let imported = 0;
  for (const { row, input } of check.valid) {
    const result = await creators[registry](db, input as never, actorId);
    if (result.ok) imported += 1;
    else problems.push({ row, column: result.error === 'field' ? columnOf(registry, result.field) : '', messageKey: result.error === 'field' ? result.messageKey : 'registries.validation.form' });
  }
  return { imported, total: check.total, problems };
}
