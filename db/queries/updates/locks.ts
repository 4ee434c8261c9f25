import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../client';
import { applyingRows } from '../indicator-scope';
import { columnsOf } from '../columns';
import { indicators, periodLocks } from '../../schema';
import { audit, writeAudit } from '../audit';

/**
 * Period locks: after the Steering Committee meets, admins freeze a period for one indicator
 * or for the whole work plan. An update whose period ends inside a locked range is refused (new, corrected,
 * withdrawn or reviewed alike) with who locked it and when. Locking and unlocking are audited.
 */

export type LockResult =
  | { ok: true; lockId: number; created: boolean }
  | { ok: false; error: 'indicator_unknown' | 'period_invalid' };

export async function lockPeriod(
  db: Db,
  input: { planId: number; indicatorId: number | null; periodStart: string; periodEnd: string; actorId: string | null },
): Promise<LockResult> {
  if (input.periodStart > input.periodEnd) return { ok: false, error: 'period_invalid' };
  return db.transaction(async (tx): Promise<LockResult> => {
    if (input.indicatorId !== null) {
      const [ind] = await tx
        .select({ id: indicators.id })
        .from(indicators)
        .where(and(eq(indicators.id, input.indicatorId), eq(indicators.planId, input.planId)));
      if (!ind) return { ok: false, error: 'indicator_unknown' };
    }
    const [lock] = await tx
      .insert(periodLocks)
      .values({
        planId: input.planId,
        indicatorId: input.indicatorId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        lockedBy: input.actorId,
      })
      .onConflictDoNothing()
      .returning();
    if (!lock) {
      const [existing] = await tx
        .select({ id: periodLocks.id })
        .from(periodLocks)
        .where(
          and(
            eq(periodLocks.planId, input.planId),
            input.indicatorId === null ? isNull(periodLocks.indicatorId) : eq(periodLocks.indicatorId, input.indicatorId),
            eq(periodLocks.periodEnd, input.periodEnd),
          ),
        );
      return { ok: true, lockId: existing!.id, created: false };
    }
    await audit(tx, 'period.lock', ['period_lock', lock.id], input.actorId, {
      after: { planId: lock.planId, indicatorId: lock.indicatorId, periodStart: lock.periodStart, periodEnd: lock.periodEnd },
    });
    return { ok: true, lockId: lock.id, created: true };
  });
}

/** Unlocking removes the lock row; the audit row keeps who had locked it, when, and who unlocked it. */
export async function unlockPeriod(db: Db, input: { lockId: number; actorId: string | null }): Promise<{ ok: boolean }> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.delete(periodLocks).where(eq(periodLocks.id, input.lockId)).returning();
    if (!lock) return { ok: false };
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'period.unlock',
      entityType: 'period_lock',
      entityId: lock.id,
      before: {
        planId: lock.planId,
        indicatorId: lock.indicatorId,
        periodStart: lock.periodStart,
        periodEnd: lock.periodEnd,
        lockedBy: lock.lockedBy,
        lockedAt: lock.lockedAt,
      },
    });
    return { ok: true };
  });
}

export interface LockListItem {
  id: number;
  indicatorId: number | null;
  indicatorCode: string | null;
  periodStart: string;
  periodEnd: string;
  lockedByName: string | null;
  lockedAt: Date;
}

/** The plan's locks; with an indicator, those that apply to it (its own and the plan-wide ones). */
export async function listLocks(db: Db, planId: number, indicatorId?: number): Promise<LockListItem[]> {
  const columns = columnsOf(periodLocks, 'id', 'indicatorId', 'periodStart', 'periodEnd', 'lockedAt');
  const rows = await applyingRows(db, periodLocks, columns, periodLocks.lockedBy, planId, indicatorId).orderBy(asc(periodLocks.periodEnd), asc(periodLocks.id));
  return rows.map(({ byName, ...r }) => ({ ...r, lockedByName: byName }));
}
