import { readFileSync, readdirSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { indicatorChartByCode } from '@/db/queries/charts/indicator-chart';
import { derivedBreakdown, UnsupportedDimensionError, type DerivedIndicator } from '@/db/queries/derived';
import { getOverview } from '@/db/queries/overview';
import { asOfDateFor, findPlan } from '@/db/queries/plans';
import { queryRows } from '@/db/queries/raw';
import { indicators } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { DEMO_AS_OF } from '@/db/seed/progress';
import { ACTIVITIES } from '@/db/seed/registries';
import { indicatorSchema } from '@/lib/validation/plans-indicators';
import { activityFormSchema } from '@/lib/validation/registries-forms';
import { createActivity, findActivity } from '@/db/queries/registries/activities';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The demo's derived indicators on the page: breakdowns that add up, refused dimensions, honest last-update
// dates, the overview's filters, and the closed list of derivations (form, database, migration of old rows).

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
});

afterAll(async () => {
  await handle?.close();
});

async function indicatorByCode(code: string) {
  const plan = (await findPlan(db))!;
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  return { plan, row: row! };
}

describe(`derived indicators of the demo on ${driverUnderTest}`, () => {
  it('breaks participants trained down by city, the parts adding up to the total', async () => {
    const chart = (await indicatorChartByCode(db, 'G4.2', { breakdownBy: 'city' }))!;
    const b = chart.derivedBreakdown!;
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    expect(b.parts).toBe('sum');
    const total = chart.evaluation.actual.value!;
    expect(total).toBeGreaterThan(0);
    expect(b.rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBe(total);
    // The seed's per-city counts of online activities held by the as-of date, summed by hand.
    const tashkent = ACTIVITIES.filter((a) => a.format === 'online' && a.heldOn <= DEMO_AS_OF).reduce((s, a) => s + (a.cities.Tashkent ?? 0), 0);
    expect(b.rows.find((r) => r.label === 'Tashkent')?.value).toBe(tashkent);
  });

  it('refuses a dimension the indicator does not carry, as a page message or a typed error', async () => {
    const chart = (await indicatorChartByCode(db, 'G1.1', { breakdownBy: 'topic' }))!;
    expect(chart.derivedBreakdown).toMatchObject({ ok: false, asked: 'topic' });
    const { plan, row } = await indicatorByCode('G1.1');
    const ind: DerivedIndicator = row;
    await expect(derivedBreakdown(db, ind, plan, 'topic', DEMO_AS_OF)).rejects.toBeInstanceOf(UnsupportedDimensionError);
    expect((await indicatorChartByCode(db, 'G5.4', {}))!.derivedBreakdown).toBeNull();
  });

  it("gives a derived indicator's last update as the date of the registry change it reflects", async () => {
    const overview = (await getOverview(db))!;
    const g11 = overview.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G1.1')!;
    const [row] = await queryRows<{ latest: string }>(db, sql`select max(changed_on)::text as latest from city_status_history where changed_on <= ${DEMO_AS_OF}`);
    expect(g11.lastUpdatedAt).toBe(row!.latest);
    expect(g11.lastUpdatedAt! <= DEMO_AS_OF).toBe(true);
  });

  it("narrows derived indicators by the overview's region", async () => {
    const all = (await getOverview(db))!;
    const maritime = (await getOverview(db, { region: 'maritime' }))!;
    const continental = (await getOverview(db, { region: 'continental' }))!;
    const value = (o: typeof all) => o.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G1.1')!.evaluation.actual.value!;
    expect(value(maritime) + value(continental)).toBe(value(all));
    expect(value(maritime)).toBeGreaterThan(0);
    // Its sparkline is narrowed too: each city is in one region, so the regions' points add up to the whole's.
    const spark = (o: typeof all) => o.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G1.1')!.sparkline;
    const whole = spark(all);
    expect(whole.some((v) => (v ?? 0) > 0)).toBe(true);
    expect(spark(maritime).map((v, k) => (v ?? 0) + (spark(continental)[k] ?? 0))).toEqual(whole.map((v) => v ?? 0));
    expect(spark(maritime)).not.toEqual(whole);
  });
});

describe(`derivations are a closed list on ${driverUnderTest}`, () => {
  const input = (derivedKey: string) => ({
    planId: 1, indicatorId: '', goalId: 1, code: 'G9.1', name: 'x', unit: 'cities', valueKind: 'count', accumulation: 'snapshot',
    direction: 'increase', baselineValue: '0', baselineDate: '2020-01-01', targetValue: '5', targetDate: '2020-12-31',
    frequency: 'quarterly', ownerId: '', source: 'derived', derivedKey, disaggregations: [],
  });

  it('refuses an unknown derivation with a field error, and accepts a known one', () => {
    const bad = indicatorSchema.safeParse(input('cities_engaged; drop table x'));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.find((i) => i.path[0] === 'derivedKey')?.message).toBe('plans.validation.derivedKeyUnknown');
    expect(indicatorSchema.safeParse(input('cities_engaged')).success).toBe(true);
  });

  it('the database refuses an unknown derivation', async () => {
    const { row } = await indicatorByCode('G1.1');
    await expect(db.execute(sql`update indicators set derived_key = 'made_up' where id = ${row.id}`)).rejects.toThrow();
  });

  it('the migration turns spelling variants into the known key and unknown ones into logged indicators', async () => {
    const file = readdirSync('drizzle').find((f) => f.includes('derivations_closed'))!;
    const statements = readFileSync(`drizzle/${file}`, 'utf8').split('--> statement-breakpoint').map((s) => s.trim());
    const updates = statements.filter((s) => s.replace(/^(--.*\n)+/, '').startsWith('UPDATE'));
    expect(updates).toHaveLength(2);
    const { row } = await indicatorByCode('G1.1');
    const { row: other } = await indicatorByCode('G2.1');
    await db.execute(sql`alter table indicators drop constraint indicators_derived_key_known`);
    await db.execute(sql`update indicators set derived_key = ' Cities_Engaged ' where id = ${row.id}`);
    await db.execute(sql`update indicators set derived_key = 'clusters_by_magic' where id = ${other.id}`);
    for (const u of updates) await db.execute(sql.raw(u));
    await db.execute(sql.raw(statements.find((s) => s.includes('ADD CONSTRAINT "indicators_derived_key_known"'))!));
    const [a] = await db.select().from(indicators).where(eq(indicators.id, row.id));
    const [b] = await db.select().from(indicators).where(eq(indicators.id, other.id));
    expect(a).toMatchObject({ source: 'derived', derivedKey: 'cities_engaged' });
    expect(b).toMatchObject({ source: 'manual', derivedKey: null });
    expect(b!.definition).toContain('clusters_by_magic');
  });
});

// Keep the demo's as-of date honest for the tests above.
it('reads the demo at its stored as-of date', async () => {
  expect(await asOfDateFor(db, (await findPlan(db))!)).toBe(DEMO_AS_OF);
});

describe(`activities keep participants per city on ${driverUnderTest}`, () => {
  const form = (cityParticipants: string, total = '40') =>
    activityFormSchema.safeParse({ title: 'Webinar', topic: 'E-commerce', format: 'online', heldOn: '2020-10-01', participantsTotal: total, participantsFemale: '', participantsMale: '', cityIds: [], cityParticipants, notes: '' });

  it('stores the participants given by city name, linking those cities', async () => {
    const parsed = form('Almaty: 18; Tashkent: 8');
    expect(parsed.success).toBe(true);
    const result = await createActivity(db, parsed.data!, null);
    expect(result.ok).toBe(true);
    const found = await findActivity(db, result.ok ? result.record.id : 0);
    expect(found?.cityParticipants).toBe('Almaty: 18; Tashkent: 8');
    expect(found?.cityIds).toHaveLength(2);
  });

  it('refuses malformed entries, totals exceeded and unknown cities with field errors', async () => {
    expect(form('Almaty eighteen').error?.issues[0]).toMatchObject({ path: ['cityParticipants'], message: 'registries.validation.cityParticipantsFormat' });
    expect(form('Almaty: 30; Tashkent: 20').error?.issues[0]).toMatchObject({ path: ['cityParticipants'], message: 'registries.validation.cityParticipantsExceedTotal' });
    const unknown = await createActivity(db, form('Atlantis: 3').data!, null);
    expect(unknown).toMatchObject({ ok: false, error: 'field', field: 'cityParticipants', messageKey: 'registries.validation.unknownCity' });
  });
});
