import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { cityOptions, createCity, deleteCity, listCities, setCityArchived, updateCity } from '@/db/queries/registries/cities';
import { checkImport, runImport } from '@/db/queries/registries/import';
import { allPartners, createPartner, deletePartner, findPartner, listPartners, updatePartner } from '@/db/queries/registries/partners';
import { statusHistory } from '@/db/queries/registries/shared';
import { auditLog, cities, cityStatusHistory, partners, progressUpdates, users } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import { registryListParams } from '@/lib/validation/registries';
import type { IoRow } from '@/lib/validation/registries-io';
import { cityFormSchema, partnerFormSchema, type CityInput } from '@/lib/validation/registries-forms';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle;
let db: Db;
let staffId: string;

const cityInput = (over: Partial<Record<keyof CityInput, unknown>> = {}) =>
  cityFormSchema.parse({ name: 'Quanzhou', country: 'China', region: 'maritime', latitude: '24.87', longitude: '118.68', status: 'prospective', statusDate: '2020-01-15', ...over });

async function counts() {
  const [row] = await db.execute(sql`select (select count(*) from cities)::int as cities, (select count(*) from city_status_history)::int as history,
    (select count(*) from partners)::int as partners, (select count(*) from audit_log)::int as audit`).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows)) as { cities: number }[];
  return row;
}

async function audits(entityType: string, id: number) {
  return db.select().from(auditLog).where(sql`${auditLog.entityType} = ${entityType} and ${auditLog.entityId} = ${String(id)}`).orderBy(auditLog.id);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [staff] = await db.insert(users).values({ email: 'staff@test.org', name: 'Staff Member', role: 'staff' }).returning();
  staffId = staff!.id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`city and partner registries on ${driverUnderTest}`, () => {
  it('lets staff and admins edit and import, committee members only read', () => {
    for (const action of ['registry.edit', 'registry.import']) {
      expect([can('admin', action), can('staff', action), can('committee', action)]).toEqual([true, true, false]);
    }
    expect(can('committee', 'dashboard.read')).toBe(true);
  });

  it('creates a city with its first dated status and an audit row', async () => {
    const result = await createCity(db, cityInput(), staffId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const history = await statusHistory(db, 'city', result.record.id);
    expect(history.map((h) => [h.status, h.changedOn, h.changedBy])).toEqual([['prospective', '2020-01-15', 'Staff Member']]);
    const [audit] = await audits('city', result.record.id);
    expect(audit).toMatchObject({ action: 'city.create', actorId: staffId, after: expect.objectContaining({ name: 'Quanzhou', status: 'prospective' }) });
  });

  it('refuses a second city of the same name in a country, in any case, but not in another country', async () => {
    const before = await counts();
    expect(await createCity(db, cityInput({ name: 'QUANZHOU' }), staffId)).toEqual({ ok: false, error: 'field', field: 'name', messageKey: 'registries.validation.duplicateCity' });
    expect(await counts()).toEqual(before);
    expect((await createCity(db, cityInput({ country: 'Elsewhere' }), staffId)).ok).toBe(true);
  });

  it('rejects coordinates out of range, unpaired coordinates and bad dates before anything is written', () => {
    const errors = (over: Record<string, unknown>) => {
      const parsed = cityFormSchema.safeParse({ name: 'X', country: 'Y', region: 'maritime', status: 'prospective', statusDate: '2020-01-01', ...over });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(errors({ latitude: '91', longitude: '0' })).toEqual({ latitude: 'registries.validation.latitudeRange' });
    expect(errors({ latitude: '10', longitude: '-181' })).toEqual({ longitude: 'registries.validation.longitudeRange' });
    expect(errors({ latitude: '10' })).toEqual({ longitude: 'registries.validation.coordinatesPair' });
    expect(errors({ statusDate: '2021-02-29' })).toEqual({ statusDate: 'registries.validation.dateInvalid' });
    expect(errors({ name: '  ', region: 'inland' })).toEqual({ name: 'registries.validation.required', region: 'registries.validation.choiceInvalid' });
  });

  it('records status changes as dated history, asks to confirm a skipped stage, keeps dates in order', async () => {
    const created = await createCity(db, cityInput({ name: 'Fuzhou' }), staffId);
    if (!created.ok) throw new Error('set-up');
    const id = created.record.id;
    const before = await counts();
    // prospective → active skips "engaged": refused until confirmed, and nothing is written.
    expect(await updateCity(db, id, cityInput({ name: 'Fuzhou', status: 'active', statusDate: '2020-03-01' }), staffId)).toEqual({
      ok: false, error: 'needs_confirmation', from: 'prospective', to: 'active',
    });
    expect(await counts()).toEqual(before);
    expect((await updateCity(db, id, cityInput({ name: 'Fuzhou', status: 'engaged', statusDate: '2020-03-01' }), staffId)).ok).toBe(true);
    // A change dated before the latest one is refused.
    expect(await updateCity(db, id, cityInput({ name: 'Fuzhou', status: 'active', statusDate: '2020-02-01' }), staffId)).toMatchObject({ field: 'statusDate' });
    expect((await updateCity(db, id, cityInput({ name: 'Fuzhou', status: 'inactive', statusDate: '2020-06-01' }), staffId)).ok).toBe(true);
    expect((await updateCity(db, id, cityInput({ name: 'Fuzhou', status: 'engaged', statusDate: '2020-09-01' }), staffId)).ok).toBe(true);
    const history = await statusHistory(db, 'city', id);
    expect(history.map((h) => [h.status, h.changedOn])).toEqual([
      ['engaged', '2020-09-01'], ['inactive', '2020-06-01'], ['engaged', '2020-03-01'], ['prospective', '2020-01-15'],
    ]);
    const [row] = await db.select().from(cities).where(eq(cities.id, id));
    expect([row!.status, row!.engagedOn]).toEqual(['engaged', '2020-09-01']);
    const updates = (await audits('city', id)).filter((a) => a.action === 'city.update');
    expect(updates).toHaveLength(3);
    expect(updates[0]).toMatchObject({ before: { status: 'prospective', engagedOn: null }, after: { status: 'engaged', statusDate: '2020-03-01' } });
  });

  it('refuses to delete a referenced city and says why; archives it instead; deletes an unreferenced one', async () => {
    const { plan, goal } = await insertPlan(db);
    const ind = await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G1.1', accumulation: 'snapshot' });
    await db.execute(sql`update indicators set source = 'derived', derived_key = 'cities_engaged' where id = ${ind.id}`);
    const [fuzhou] = await db.select().from(cities).where(eq(cities.name, 'Fuzhou'));
    const refused = await deleteCity(db, fuzhou!.id, staffId);
    expect(refused).toEqual({ ok: false, error: 'referenced', references: [{ kind: 'derivedIndicators', count: 1, detail: 'G1.1' }] });
    await db.insert(progressUpdates).values({ indicatorId: ind.id, periodStart: '2020-01-01', periodEnd: '2020-03-31', value: 1, cityId: fuzhou!.id });
    const refusedAgain = await deleteCity(db, fuzhou!.id, staffId);
    expect(refusedAgain.ok === false && refusedAgain.error === 'referenced' && refusedAgain.references.map((r) => r.kind)).toEqual(['progressUpdates', 'derivedIndicators']);
    expect(await setCityArchived(db, fuzhou!.id, true, staffId)).toMatchObject({ ok: true, changed: true });
    const listed = await listCities(db, registryListParams.parse({}));
    expect(listed.rows.map((c) => c.name)).not.toContain('Fuzhou');
    expect((await listCities(db, registryListParams.parse({ archived: '1' }))).rows.map((c) => c.name)).toEqual(['Fuzhou']);

    const spare = await createCity(db, cityInput({ name: 'Spare', country: 'Nowhere' }), staffId);
    if (!spare.ok) throw new Error('set-up');
    expect(await deleteCity(db, spare.record.id, staffId)).toEqual({ ok: true, record: { id: spare.record.id } });
    expect(await db.select().from(cityStatusHistory).where(eq(cityStatusHistory.cityId, spare.record.id))).toEqual([]);
    expect((await audits('city', spare.record.id)).map((a) => a.action)).toEqual(['city.create', 'city.delete']);
  });

  it('lists with search, filters, sort and pages in the URL', async () => {
    for (let i = 0; i < 30; i++) await createCity(db, cityInput({ name: `Town ${String(i).padStart(2, '0')}`, country: i % 2 ? 'Odd' : 'Even', region: i % 3 ? 'maritime' : 'continental' }), staffId);
    const page1 = await listCities(db, registryListParams.parse({ q: 'town', sort: 'name', dir: 'desc' }));
    expect([page1.total, page1.pageCount, page1.rows.length, page1.rows[0]!.name]).toEqual([30, 2, 25, 'Town 29']);
    const page2 = await listCities(db, registryListParams.parse({ q: 'town', sort: 'name', dir: 'desc', page: '2' }));
    expect(page2.rows.map((r) => r.name)).toEqual(['Town 04', 'Town 03', 'Town 02', 'Town 01', 'Town 00']);
    const odd = await listCities(db, registryListParams.parse({ country: 'odd', region: 'continental' }));
    expect(odd.rows.map((r) => r.name)).toEqual(['Town 03', 'Town 09', 'Town 15', 'Town 21', 'Town 27']);
    expect((await listCities(db, registryListParams.parse({ q: '100%' }))).total).toBe(0);
    expect(registryListParams.parse({ page: 'x', sort: 'drop table', region: 'moon' })).toEqual({});
  });

  it('finds cities by their Chinese name too, and offers it to the pickers', async () => {
    const created = await createCity(db, cityInput({ name: 'Xiamen', country: 'China' }), staffId);
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    await db.update(cities).set({ nameZh: '厦门' }).where(eq(cities.id, id));
    const found = await listCities(db, registryListParams.parse({ q: '厦门' }));
    expect(found.rows.map((r) => [r.name, r.nameZh])).toEqual([['Xiamen', '厦门']]);
    expect((await cityOptions(db)).find((c) => c.id === id)).toMatchObject({ name: 'Xiamen', nameZh: '厦门' });
  });

  it('stays fast at 10,000 cities: any page, filtered and sorted, in well under a second', async () => {
    await db.execute(sql`insert into cities (name, country, region, status)
      select 'Bulk ' || g, 'Country ' || (g % 50), case when g % 2 = 0 then 'maritime'::region else 'continental'::region end,
        (array['prospective', 'engaged', 'active', 'inactive'])[1 + g % 4]::city_status
      from generate_series(1, 10000) g`);
    const started = performance.now();
    const last = await listCities(db, registryListParams.parse({ sort: 'country', dir: 'desc', page: '100000' }));
    const filtered = await listCities(db, registryListParams.parse({ q: 'bulk 99', region: 'maritime', status: 'engaged', page: '2' }));
    const elapsed = performance.now() - started;
    expect(last.total).toBeGreaterThan(10_000);
    expect(last.page).toBe(last.pageCount);
    expect(filtered.rows.every((c) => c.region === 'maritime' && c.status === 'engaged')).toBe(true);
    expect(elapsed).toBeLessThan(1500);
  });

  it('keeps partners unique by name, links cities and records status changes', async () => {
    const input = (over: Record<string, unknown> = {}) => partnerFormSchema.parse({ name: 'Port Alliance', type: 'city_network', status: 'active', statusDate: '2020-02-01', ...over });
    const created = await createPartner(db, { ...input(), cityIds: [] }, staffId);
    if (!created.ok) throw new Error('set-up');
    expect(await createPartner(db, input({ name: 'port alliance' }), staffId)).toMatchObject({ field: 'name', messageKey: 'registries.validation.duplicatePartner' });
    const [town] = await db.select().from(cities).where(eq(cities.name, 'Town 01'));
    expect(await updatePartner(db, created.record.id, { ...input({ status: 'reactivated', statusDate: '2020-05-01' }), cityIds: [town!.id] }, staffId)).toMatchObject({ error: 'needs_confirmation' });
    expect((await updatePartner(db, created.record.id, { ...input({ status: 'inactive', statusDate: '2020-05-01' }), cityIds: [town!.id] }, staffId)).ok).toBe(true);
    expect(await updatePartner(db, created.record.id, { ...input(), cityIds: [999999] }, staffId)).toMatchObject({ field: 'cityIds' });
    const partner = await findPartner(db, created.record.id);
    expect([partner!.status, partner!.since, partner!.cityIds]).toEqual(['inactive', '2020-02-01', [town!.id]]);
    expect((await statusHistory(db, 'partner', created.record.id)).map((h) => h.status)).toEqual(['inactive', 'active']);
    // The linked cities appear in exports, and the country filter goes through them.
    const exported = await allPartners(db, registryListParams.parse({ country: 'odd' }));
    expect(exported.map((p) => [p.name, p.cities])).toEqual([['Port Alliance', 'Town 01']]);
    expect((await listPartners(db, registryListParams.parse({ country: 'even' }))).total).toBe(0);
    // No derived indicator counts partners in this database: an unreferenced partner can be deleted.
    expect((await deletePartner(db, created.record.id, staffId)).ok).toBe(true);
    expect(await db.select().from(partners)).toEqual([]);
  });

  it('enters and edits Chinese names and descriptions of cities and partners, audited; over-long ones write nothing', async () => {
    const created = await createCity(db, cityInput({ name: 'Zhangzhou', nameZh: ' 漳州港 ', description: 'Port city', descriptionZh: '海港城市' }), staffId);
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    const [row] = await db.select().from(cities).where(eq(cities.id, id));
    expect([row!.nameZh, row!.description, row!.descriptionZh]).toEqual(['漳州港', 'Port city', '海港城市']);
    expect((await audits('city', id))[0]!.after).toMatchObject({ nameZh: '漳州港', description: 'Port city', descriptionZh: '海港城市' });
    // Editing: a changed Chinese name and a cleared Chinese description (blank → null), both in the audit row.
    const edited = cityInput({ name: 'Zhangzhou', nameZh: '漳州', description: 'Port city', descriptionZh: '  ' });
    expect(edited.descriptionZh).toBeNull();
    expect(await updateCity(db, id, edited, staffId)).toMatchObject({ ok: true, changed: true });
    const [after] = await db.select().from(cities).where(eq(cities.id, id));
    expect([after!.nameZh, after!.descriptionZh]).toEqual(['漳州', null]);
    const update = (await audits('city', id)).find((a) => a.action === 'city.update');
    expect([update!.before, update!.after]).toEqual([{ nameZh: '漳州港', descriptionZh: '海港城市' }, { nameZh: '漳州', descriptionZh: null }]);

    const before = await counts();
    const tooLong = (over: Record<string, unknown>) => {
      const parsed = cityFormSchema.safeParse({ name: 'Zhangzhou', country: 'China', region: 'maritime', status: 'prospective', statusDate: '2020-01-15', ...over });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(tooLong({ nameZh: '漳'.repeat(121), description: 'x'.repeat(2001), descriptionZh: '港'.repeat(2001) })).toEqual({
      nameZh: 'registries.validation.tooLong', description: 'registries.validation.tooLong', descriptionZh: 'registries.validation.tooLong',
    });
    expect(partnerFormSchema.safeParse({ name: 'Silk Guild', nameZh: '丝'.repeat(201), type: 'city_network', status: 'active', statusDate: '2020-02-01' }).error?.issues.map((i) => [i.path.join('.'), i.message]))
      .toEqual([['nameZh', 'registries.validation.tooLong']]);
    expect(await counts()).toEqual(before);

    const partnerInput = (over: Record<string, unknown> = {}) => partnerFormSchema.parse({ name: 'Silk Guild', type: 'city_network', status: 'active', statusDate: '2020-02-01', ...over });
    const partner = await createPartner(db, partnerInput({ nameZh: '丝路行会' }), staffId);
    if (!partner.ok) throw new Error('not created');
    expect((await findPartner(db, partner.record.id))!.nameZh).toBe('丝路行会');
    expect((await audits('partner', partner.record.id))[0]!.after).toMatchObject({ name: 'Silk Guild', nameZh: '丝路行会' });
    expect(await updatePartner(db, partner.record.id, partnerInput({ nameZh: '丝绸之路行会' }), staffId)).toMatchObject({ ok: true, changed: true });
    expect((await findPartner(db, partner.record.id))!.nameZh).toBe('丝绸之路行会');
    const partnerUpdate = (await audits('partner', partner.record.id)).find((a) => a.action === 'partner.update');
    expect([partnerUpdate!.before, partnerUpdate!.after]).toEqual([{ nameZh: '丝路行会' }, { nameZh: '丝绸之路行会' }]);
  });

  it('imports Chinese names and descriptions from their own columns and refuses over-long ones by column', async () => {
    const rows: IoRow[] = [
      { name: 'Longyan', name_zh: '龙岩', country: 'China', region: 'continental', status: 'prospective', description: 'Hill city', description_zh: '山城' },
      { name: 'Sanming', name_zh: '三'.repeat(121), country: 'China', region: 'continental', status: 'prospective' },
    ];
    const check = await checkImport(db, 'cities', rows, '2020-11-15');
    expect(check.problems).toEqual([{ row: 3, column: 'name_zh', messageKey: 'registries.validation.tooLong' }]);
    expect(check.valid.map((v) => v.row)).toEqual([2]);
    await runImport(db, 'cities', rows, '2020-11-15', staffId);
    const imported = await db.select().from(cities).where(sql`${cities.country} = 'China' and ${cities.name} in ('Longyan', 'Sanming')`);
    expect(imported.map((c) => [c.name, c.nameZh, c.description, c.descriptionZh])).toEqual([['Longyan', '龙岩', 'Hill city', '山城']]);
  });
});
