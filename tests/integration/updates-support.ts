import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { NewUpdateInput } from '@/db/queries/updates/create';
import { auditLog, progressUpdates, progressUpdateVersions, users } from '@/db/schema';
import type { Accumulation, ValueKind } from '@/lib/progress/types';
import { insertCities, insertIndicator, insertPlan } from '../support/fixtures';

/** Set-up shared by the updates-*.test.ts files: a 2020 plan, indicators of each kind, cities and users. */
export async function seedUpdatesWorld(db: Db) {
  const { plan, goal } = await insertPlan(db);
  const ids = { planId: plan.id, goalId: goal.id };
  const ind = async (code: string, accumulation: Accumulation, valueKind: ValueKind = 'count') =>
    insertIndicator(db, ids, { code, accumulation, valueKind });
  const cumulative = await ind('G1.1', 'cumulative');
  const flow = await ind('G1.2', 'non_cumulative');
  const percent = await ind('G1.3', 'snapshot', 'percent');
  const milestone = await ind('G1.4', 'snapshot', 'milestone');
  const currency = await ind('G1.5', 'non_cumulative', 'currency');
  const cityList = await insertCities(db, 3);
  const [staff, admin, other] = await db
    .insert(users)
    .values([
      { email: `staff-${randomUUID()}@t.org`, name: 'Sam Staff', role: 'staff' },
      { email: `admin-${randomUUID()}@t.org`, name: 'Ada Admin', role: 'admin' },
      { email: `other-${randomUUID()}@t.org`, name: 'Oli Other', role: 'staff' },
    ])
    .returning();
  return { plan, goal, cumulative, flow, percent, milestone, currency, cities: cityList, staff: staff!, admin: admin!, other: other! };
}

export type World = Awaited<ReturnType<typeof seedUpdatesWorld>>;

export function newInput(w: World, over: Partial<NewUpdateInput> = {}): NewUpdateInput {
  return {
    planId: w.plan.id,
    indicatorCode: 'G1.1',
    period: '2020-Q2',
    place: { cityId: w.cities[0]!.id },
    figures: { value: '5' },
    note: '',
    evidenceUrl: '',
    status: 'submitted',
    idempotencyKey: randomUUID(),
    confirmed: false,
    actorId: w.staff.id,
    ...over,
  };
}

/** Row counts of everything an update write touches: "unchanged" means all four are equal. */
export async function snapshot(db: Db) {
  const count = async (table: typeof progressUpdates | typeof progressUpdateVersions | typeof auditLog) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
  const sum = await db.select({ v: sql<number>`coalesce(sum(version), 0)::int` }).from(progressUpdates);
  return {
    updates: await count(progressUpdates),
    versions: await count(progressUpdateVersions),
    audit: await count(auditLog),
    versionSum: Number(sum[0]!.v),
  };
}

export async function auditFor(db: Db, entityId: number | string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, String(entityId))).orderBy(auditLog.id);
}
