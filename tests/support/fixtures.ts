import type { Db } from '@/db/client';
import { cities, clusters, goals, indicators, workPlans } from '@/db/schema';
import type { Accumulation, ValueKind } from '@/lib/progress/types';

/** A minimal 2020 plan with one goal, for tests that need indicators to hang updates on. */
export async function insertPlan(db: Db, year = 2020) {
  const [plan] = await db
    .insert(workPlans)
    .values({ year, title: `Test plan ${year}`, status: 'endorsed', startDate: `${year}-01-01`, endDate: `${year}-12-31` })
    .returning();
  const [goal] = await db.insert(goals).values({ planId: plan!.id, code: 'G1', title: 'Test goal', sortOrder: 1 }).returning();
  return { plan: plan!, goal: goal! };
}

export async function insertIndicator(
  db: Db,
  ids: { planId: number; goalId: number },
  spec: { code: string; accumulation: Accumulation; valueKind?: ValueKind; direction?: 'increase' | 'decrease'; baseline?: number; target?: number },
) {
  const [row] = await db
    .insert(indicators)
    .values({
      planId: ids.planId,
      goalId: ids.goalId,
      code: spec.code,
      name: `Indicator ${spec.code}`,
      unit: spec.valueKind === 'percent' ? '%' : 'count',
      valueKind: spec.valueKind ?? 'count',
      accumulation: spec.accumulation,
      direction: spec.direction ?? 'increase',
      baselineValue: spec.baseline ?? 0,
      baselineDate: '2019-12-31',
      targetValue: spec.target ?? 100,
      targetDate: '2020-12-31',
      disaggregations: ['city', 'cluster'],
    })
    .returning();
  return row!;
}

export async function insertCities(db: Db, count: number) {
  return db
    .insert(cities)
    .values(Array.from({ length: count }, (_, i) => ({ name: `City ${i + 1}`, country: 'Testland', region: 'maritime' as const })))
    .returning();
}

export async function insertClusters(db: Db, count: number) {
  return db
    .insert(clusters)
    .values(Array.from({ length: count }, (_, i) => ({ name: `Cluster ${i + 1}`, sector: 'test' })))
    .returning();
}
