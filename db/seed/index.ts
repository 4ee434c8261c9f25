import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { hashPassword } from '../../lib/auth/password';
import type { Db } from '../client';
import { appSettings, auditLog, goals, indicators, workPlans } from '../schema';
import { insertBudget } from './budget';
import { insertCities } from './cities';
import { insertDemoEvidence } from './evidence';
import { insertReportingCycle } from './cycle';
import { insertMeetings } from './meetings';
import { DERIVED_KEYS_2020, INDICATORS_2020, PLAN_2020, insertPlan2020, type InsertedPlan } from './plan-2020';
import { DEMO_AS_OF, insertProgress } from './progress';
import { insertRegistries } from './registries';
import { insertGoalReviewers } from './reviewers';
import { insertSdgTags } from './sdg';
import { ADMIN, DEMO_PASSWORD, STAFF, findDemoUsers, insertDemoUsers, userId, type UserIds } from './users';

export { DEMO_ACCOUNTS, DEMO_EXTRA_STAFF, DEMO_PASSWORD } from './users';
export { DEMO_AS_OF } from './progress';

/** app_settings keys written by the demo seed. */
export const SETTING_DEMO = 'demo';
export const SETTING_AS_OF_DATE = 'as_of_date';
export const SETTING_DEMO_SEEDED = 'demo_seeded';

/** The id of an existing plan for 2020 (the endorsed one first), if any. */
async function findPlan2020(db: Db): Promise<number | undefined> {
  const [row] = await db
    .select({ id: workPlans.id })
    .from(workPlans)
    .where(eq(workPlans.year, PLAN_2020.year))
    .orderBy(desc(sql`${workPlans.status} = 'endorsed'`), asc(workPlans.id))
    .limit(1);
  return row?.id;
}

/**
 * The endorsed 2020 work plan alone — goals, indicators, quarterly targets — with no accounts and no progress.
 * Indicator owners are the demo staff when those accounts exist, else null. Idempotent: when a plan for 2020
 * already exists it is returned unchanged.
 */
export async function seedWorkPlan2020(db: Db): Promise<{ planId: number }> {
  return db.transaction(async (tx) => {
    const existing = await findPlan2020(tx);
    if (existing !== undefined) return { planId: existing };
    const { planId } = await insertPlan2020(tx, await findDemoUsers(tx));
    return { planId };
  });
}

/** An existing plan's goal and indicator ids by code; indicators without an owner get the demo owner. */
async function adoptPlan(db: Db, planId: number, users: UserIds): Promise<InsertedPlan> {
  const goalRows = await db.select({ id: goals.id, code: goals.code }).from(goals).where(eq(goals.planId, planId));
  const indicatorRows = await db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(eq(indicators.planId, planId));
  for (const ind of INDICATORS_2020) {
    const ownerId = userId(users, ind.owner);
    if (!ownerId) continue;
    await db
      .update(indicators)
      .set({ ownerId })
      .where(and(eq(indicators.planId, planId), eq(indicators.code, ind.code), isNull(indicators.ownerId)));
  }
  return {
    planId,
    goalIds: new Map(goalRows.map((g) => [g.code, g.id])),
    indicatorIds: new Map(indicatorRows.map((i) => [i.code, i.id])),
  };
}

async function isDemoSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ key: appSettings.key }).from(appSettings).where(eq(appSettings.key, SETTING_DEMO_SEEDED));
  return row !== undefined;
}

/** Seeds the demo unless it already was; true when this call seeded it. */
async function runSeedDemo(db: Db): Promise<boolean> {
  if (await isDemoSeeded(db)) return false;
  // One argon2 hash (deliberately slow) shared by every demo account, computed before the transaction opens.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    // Claiming the marker first makes a concurrent second seeder wait on it, then find it taken and stop.
    const claimed = await tx
      .insert(appSettings)
      .values({ key: SETTING_DEMO_SEEDED, value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning({ key: appSettings.key });
    if (claimed.length === 0) return false;
    await tx
      .insert(appSettings)
      .values([
        { key: SETTING_DEMO, value: 'true' },
        { key: SETTING_AS_OF_DATE, value: DEMO_AS_OF },
      ])
      .onConflictDoUpdate({ target: appSettings.key, set: { value: sql`excluded.value` } });

    const users = await insertDemoUsers(tx, passwordHash);
    const existing = await findPlan2020(tx);
    const plan = existing !== undefined ? await adoptPlan(tx, existing, users) : await insertPlan2020(tx, users);

    const registrar = userId(users, STAFF);
    const cityIds = await insertCities(tx, registrar);
    const registries = await insertRegistries(tx, cityIds, registrar);
    await insertMeetings(tx, plan.planId, users, plan.goalIds, plan.indicatorIds);
    await insertBudget(tx, plan.planId, plan.goalIds, users);
    await insertProgress(tx, {
      // Derived indicators follow the registries: no progress updates are logged for them.
      indicatorIds: new Map([...plan.indicatorIds].filter(([code]) => !DERIVED_KEYS_2020[code])),
      cityIds,
      clusterIds: registries.clusters,
      partnerIds: registries.partners,
      users,
    });
    await insertReportingCycle(tx, plan.planId, users);
    await insertGoalReviewers(tx, plan.goalIds, users);
    await insertDemoEvidence(tx);
    await insertSdgTags(tx, plan.goalIds, plan.indicatorIds, userId(users, ADMIN));

    await tx.insert(auditLog).values({
      actorId: null,
      action: 'seed.demo',
      entityType: 'database',
      entityId: null,
      after: { planId: plan.planId, asOfDate: DEMO_AS_OF, cities: cityIds.size, partners: registries.partners.size },
    });
    return true;
  });
}

/**
 * Everything the demo needs — accounts, the 2020 plan with owners, registries, meetings, progress — in one
 * transaction, and marked as demo data (app_settings 'demo' = 'true', 'as_of_date' = 2020-11-15).
 * Idempotent: the 'demo_seeded' setting records a completed seed, and a second run changes nothing.
 */
export async function seedDemo(db: Db): Promise<void> {
  await runSeedDemo(db);
}

/** Seeds the demo only into a database without any work plan; returns whether it seeded. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(workPlans);
  if ((row?.n ?? 0) > 0) return false;
  return runSeedDemo(db);
}
