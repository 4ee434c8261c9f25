import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { checkImport, runImport } from '@/db/queries/registries/import';
import { auditLog, cities, partnerCities } from '@/db/schema';
import type { IoRow } from '@/lib/validation/registries-io';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;

const count = async (table: typeof cities | typeof auditLog | typeof partnerCities) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await db.insert(cities).values([
    { name: 'Colombo', country: 'Sri Lanka', region: 'maritime' },
    { name: 'Valencia', country: 'Spain', region: 'maritime' },
    { name: 'Valencia', country: 'Venezuela', region: 'maritime' },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

describe(`registry import on ${driverUnderTest}`, () => {
  const cityRows: IoRow[] = [
    { name: 'Mombasa', country: 'Kenya', region: 'maritime', latitude: '-4.04', longitude: '39.67', status: 'engaged', status_date: '2020-03-01' },
    { name: 'colombo', country: 'Sri Lanka', region: 'maritime', status: 'prospective' },
    { name: 'Atlantis', country: 'Nowhere', region: 'underwater', latitude: '100', longitude: '0', status: 'prospective', status_date: '2020-02-30' },
    { name: 'Mombasa', country: 'kenya', region: 'maritime', status: 'prospective' },
  ];

  it('reports every problem by row and column and writes nothing', async () => {
    const before = [await count(cities), await count(auditLog)];
    const check = await checkImport(db, 'cities', cityRows, '2020-11-15');
    expect(check.valid.map((v) => v.row)).toEqual([2]);
    expect(check.problems).toEqual([
      { row: 3, column: 'name', messageKey: 'registries.validation.duplicateCity' },
      { row: 4, column: 'region', messageKey: 'registries.validation.choiceInvalid' },
      { row: 4, column: 'latitude', messageKey: 'registries.validation.latitudeRange' },
      { row: 4, column: 'status_date', messageKey: 'registries.validation.dateInvalid' },
      { row: 5, column: 'name', messageKey: 'registries.validation.duplicateCity' },
    ]);
    expect([await count(cities), await count(auditLog)]).toEqual(before);
  });

  it('imports only the valid rows when asked, each with its audit row', async () => {
    const before = await count(auditLog);
    const result = await runImport(db, 'cities', cityRows, '2020-11-15', null);
    expect([result.imported, result.problems.length]).toEqual([1, 5]);
    expect(await count(auditLog)).toBe(before + 1);
    expect(await count(cities)).toBe(4);
  });

  it('resolves city names, asking for the country when a name is ambiguous', async () => {
    const rows: IoRow[] = [
      { name: 'Port Alliance', type: 'city_network', status: 'active', status_date: '2020-05-01', cities: 'Colombo; Mombasa', via_national_partner: 'yes' },
      { name: 'Spanish Partner', type: 'ngo', status: 'prospective', cities: 'Valencia' },
      { name: 'Spanish Partner 2', type: 'ngo', status: 'prospective', cities: 'Valencia (Spain)' },
    ];
    const check = await checkImport(db, 'partners', rows, '2020-11-15');
    expect(check.problems).toEqual([{ row: 3, column: 'cities', messageKey: 'registries.validation.unknownCity' }]);
    const result = await runImport(db, 'partners', rows, '2020-11-15', null);
    expect(result.imported).toBe(2);
    expect(await count(partnerCities)).toBe(3);
  });
});
