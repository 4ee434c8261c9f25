import { and, eq, max } from 'drizzle-orm';
import { periodsBetween } from '@/lib/periods';
import { targetProblems, type TargetProblem, type TargetsInput } from '@/lib/validation/plans-indicators';
import type { Db } from '../../client';
import { indicators, indicatorTargets, targetRevisions } from '../../schema';
import { writeAudit } from '../audit';
import { fail, lockPlan, refuseIfClosed, type Failure } from './common';

/**
 * Final and period targets. In a draft they are simply set. Once the plan is endorsed, every changed value is
 * updated in place (so every reader sees the target in force now) AND recorded as a target_revisions row
 * (old value, new value, effective date, reason, who), from which targets-in-force.ts rebuilds the targets in
 * force on any earlier date. Milestone periods are fixed at endorsement: only their values can be revised.
 */

export type SetTargetsResult =
  | { ok: true; changed: boolean; revisions: number }
  | (Failure & { problems?: TargetProblem[] });

export async function setTargets(db: Db, input: TargetsInput & { actorId: string | null }): Promise<SetTargetsResult> {
  return db.transaction(async (tx): Promise<SetTargetsResult> => {
    const [indicator] = await tx.select().from(indicators).where(eq(indicators.id, input.indicatorId)).for('update');
    if (!indicator) return fail('not_found');
    const plan = await lockPlan(tx, indicator.planId);
    if (!plan) return fail('not_found');
    const closed = refuseIfClosed(plan);
    if (closed) return closed;
    if (indicator.retiredAt) return fail('already_retired');

    const problems = targetProblems({ ...indicator, targetValue: input.finalTarget }, plan, input.milestones);
    if (problems.length > 0) return { ...fail('targets_inconsistent', 'milestones'), problems };

    const existing = await tx.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicator.id));
    const byEnd = new Map(existing.map((m) => [m.periodEnd, m]));
    const wanted = periodsBetween(indicator.frequency, plan.startDate, plan.endDate)
      .map((p) => ({ ...p, target: input.milestones[p.end] ?? null }))
      .filter((p): p is typeof p & { target: number } => p.target !== null);
    const finalChanged = input.finalTarget !== indicator.targetValue;
    const changedMilestones = wanted.filter((p) => byEnd.get(p.end)?.targetValue !== p.target);
    const setChanged = wanted.length !== existing.length || wanted.some((p) => !byEnd.has(p.end));
    if (!finalChanged && changedMilestones.length === 0 && !setChanged) return { ok: true, changed: false, revisions: 0 };

    const before = { finalTarget: indicator.targetValue, milestones: Object.fromEntries(existing.map((m) => [m.periodEnd, m.targetValue])) };
    const after = { finalTarget: input.finalTarget, milestones: Object.fromEntries(wanted.map((p) => [p.end, p.target])) };

    if (plan.status === 'draft') {
      await tx.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicator.id));
      if (wanted.length > 0) {
        await tx
          .insert(indicatorTargets)
          .values(wanted.map((p) => ({ indicatorId: indicator.id, periodStart: p.start, periodEnd: p.end, targetValue: p.target })));
      }
      await tx.update(indicators).set({ targetValue: input.finalTarget }).where(eq(indicators.id, indicator.id));
      await writeAudit(tx, { actorId: input.actorId, action: 'indicator.targets_set', entityType: 'indicator', entityId: indicator.id, before, after });
      return { ok: true, changed: true, revisions: 0 };
    }

    // Endorsed: a revision, with its reason and the date from which it applies.
    if (setChanged) return fail('milestones_fixed_after_endorsement', 'milestones');
    if (!input.reason) return fail('revision_needs_reason', 'reason');
    const effectiveOn = input.effectiveOn;
    if (!effectiveOn || effectiveOn < plan.startDate || effectiveOn > plan.endDate) {
      return fail('revision_date_invalid', 'effectiveOn', { start: plan.startDate, end: plan.endDate });
    }
    // Revisions apply in date order: one cannot slip in before the latest, which would rewrite what followed it.
    const [latest] = await tx
      .select({ on: max(targetRevisions.effectiveOn) })
      .from(targetRevisions)
      .where(eq(targetRevisions.indicatorId, indicator.id));
    if (latest?.on && effectiveOn < latest.on) return fail('revision_date_invalid', 'effectiveOn', { start: latest.on, end: plan.endDate });

    const common = { indicatorId: indicator.id, effectiveOn, reason: input.reason, revisedBy: input.actorId };
    const rows = [
      ...(finalChanged ? [{ ...common, targetId: null, oldValue: indicator.targetValue, newValue: input.finalTarget }] : []),
      ...changedMilestones.map((p) => {
        const row = byEnd.get(p.end)!;
        return { ...common, targetId: row.id, oldValue: row.targetValue, newValue: p.target };
      }),
    ];
    await tx.insert(targetRevisions).values(rows);
    for (const p of changedMilestones) {
      await tx.update(indicatorTargets).set({ targetValue: p.target }).where(and(eq(indicatorTargets.id, byEnd.get(p.end)!.id)));
    }
    if (finalChanged) await tx.update(indicators).set({ targetValue: input.finalTarget }).where(eq(indicators.id, indicator.id));
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'indicator.targets_revise',
      entityType: 'indicator',
      entityId: indicator.id,
      before,
      after: { ...after, effectiveOn, reason: input.reason },
    });
    return { ok: true, changed: true, revisions: rows.length };
  });
}

