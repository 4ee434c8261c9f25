import { and, eq, inArray } from 'drizzle-orm';
import { compareSdgCodes, normalizeSdgCodes } from '@/lib/sdg';
import type { Db } from '../../client';
import { goals, goalSdgTags, indicators, indicatorSdgTags } from '../../schema';
import { audit } from '../audit';
import { fail, lockPlan, refuseIfClosed, type Failure } from './common';

/**
 * SDG tags of goals and indicators: set as a whole (the form posts the full list), in one transaction with the
 * audit row that names what was there before and after. Unknown codes never reach here (the action's schema
 * checks them against lib/sdg); normalizeSdgCodes drops them anyway, so a caller from code cannot store one.
 */

export type SdgEntity = 'goal' | 'indicator';
export type SetSdgTagsResult = { ok: true; codes: string[]; changed: boolean } | Failure;

export async function setSdgTags(
  db: Db,
  input: { entity: SdgEntity; id: number; codes: readonly string[]; actorId: string | null },
): Promise<SetSdgTagsResult> {
  const codes = normalizeSdgCodes(input.codes);
  return db.transaction(async (tx): Promise<SetSdgTagsResult> => {
    const owner =
      input.entity === 'goal'
        ? (await tx.select({ planId: goals.planId, code: goals.code, retiredAt: goals.retiredAt }).from(goals).where(eq(goals.id, input.id)))[0]
        : (await tx.select({ planId: indicators.planId, code: indicators.code, retiredAt: indicators.retiredAt }).from(indicators).where(eq(indicators.id, input.id)))[0];
    if (!owner) return fail('not_found');
    const plan = await lockPlan(tx, owner.planId);
    if (!plan) return fail('not_found');
    const closed = refuseIfClosed(plan);
    if (closed) return closed;
    if (owner.retiredAt) return fail('already_retired');
    const before = (await tagsOf(tx, input.entity, [input.id])).get(input.id) ?? [];
    const removed = before.filter((c) => !codes.includes(c));
    const added = codes.filter((c) => !before.includes(c));
    if (removed.length === 0 && added.length === 0) return { ok: true, codes, changed: false };
    if (input.entity === 'goal') {
      if (removed.length) await tx.delete(goalSdgTags).where(and(eq(goalSdgTags.goalId, input.id), inArray(goalSdgTags.code, removed)));
      if (added.length) await tx.insert(goalSdgTags).values(added.map((code) => ({ goalId: input.id, code, taggedBy: input.actorId })));
    } else {
      if (removed.length) await tx.delete(indicatorSdgTags).where(and(eq(indicatorSdgTags.indicatorId, input.id), inArray(indicatorSdgTags.code, removed)));
      if (added.length) await tx.insert(indicatorSdgTags).values(added.map((code) => ({ indicatorId: input.id, code, taggedBy: input.actorId })));
    }
    await audit(tx, `${input.entity}.sdg_tags`, [input.entity, input.id], input.actorId, {
      before: { code: owner.code, sdg: before },
      after: { code: owner.code, sdg: codes },
    });
    return { ok: true, codes, changed: true };
  });
}

/** The tags of some goals or indicators, by id, each list in the SDG list's order. */
export async function tagsOf(db: Pick<Db, 'select'>, entity: SdgEntity, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows =
    entity === 'goal'
      ? await db.select({ id: goalSdgTags.goalId, code: goalSdgTags.code }).from(goalSdgTags).where(inArray(goalSdgTags.goalId, [...ids]))
      : await db.select({ id: indicatorSdgTags.indicatorId, code: indicatorSdgTags.code }).from(indicatorSdgTags).where(inArray(indicatorSdgTags.indicatorId, [...ids]));
  for (const r of rows) (out.get(r.id) ?? out.set(r.id, []).get(r.id)!).push(r.code);
  for (const list of out.values()) list.sort(compareSdgCodes);
  return out;
}

/** Every tag of a plan's goals and indicators, for the IATI file and the overview's filter choices. */
export async function planSdgTags(db: Db, planId: number): Promise<{ goals: Map<number, string[]>; indicators: Map<number, string[]> }> {
  const [g, i] = await Promise.all([
    db.select({ id: goalSdgTags.goalId, code: goalSdgTags.code }).from(goalSdgTags).innerJoin(goals, eq(goals.id, goalSdgTags.goalId)).where(eq(goals.planId, planId)),
    db
      .select({ id: indicatorSdgTags.indicatorId, code: indicatorSdgTags.code })
      .from(indicatorSdgTags)
      .innerJoin(indicators, eq(indicators.id, indicatorSdgTags.indicatorId))
      .where(eq(indicators.planId, planId)),
  ]);
  const group = (rows: { id: number; code: string }[]) => {
    const out = new Map<number, string[]>();
    for (const r of rows) (out.get(r.id) ?? out.set(r.id, []).get(r.id)!).push(r.code);
    for (const list of out.values()) list.sort(compareSdgCodes);
    return out;
  };
  return { goals: group(g), indicators: group(i) };
}
