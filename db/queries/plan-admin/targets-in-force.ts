import { and, asc, desc, eq, gt, gte, type SQL } from 'drizzle-orm';
import type { IsoDate, Milestone } from '@/lib/progress/types';
import type { Db } from '../../client';
import { indicators, indicatorTargets, targetRevisions, users } from '../../schema';
import { columnsOf } from '../columns';

/**
 * Targets as they stood on a date. The current values live in indicators.target_value and
 * indicator_targets.target_value; every change made after endorsement is also a target_revisions row whose
 * old_value is the value it replaced. So the target in force on a date is the current value with every
 * revision effective AFTER that date undone, latest first.
 */

export interface TargetLine {
  finalTarget: number;
  milestones: Milestone[];
}

interface RevisionRow {
  id: number;
  indicatorId: number;
  targetId: number | null;
  oldValue: number;
  newValue: number;
  effectiveOn: string;
}

interface CurrentTargets {
  finalTarget: number;
  milestones: (Milestone & { id: number })[];
}

/** Undoes (old value) or replays (new value) one revision on a line. */
function apply(line: CurrentTargets, revision: RevisionRow, value: number): CurrentTargets {
  if (revision.targetId === null) return { ...line, finalTarget: value };
  return { ...line, milestones: line.milestones.map((m) => (m.id === revision.targetId ? { ...m, target: value } : m)) };
}

const strip = (line: CurrentTargets): TargetLine => ({
  finalTarget: line.finalTarget,
  milestones: line.milestones.map(({ periodStart, periodEnd, target }) => ({ periodStart, periodEnd, target })),
});

async function currentTargets(db: Db, where: { planId: number } | { indicatorId: number }) {
  const filter = 'planId' in where ? eq(indicators.planId, where.planId) : eq(indicators.id, where.indicatorId);
  const [finals, milestones] = await Promise.all([
    db.select({ id: indicators.id, targetValue: indicators.targetValue }).from(indicators).where(filter),
    db
      .select({
        id: indicatorTargets.id,
        indicatorId: indicatorTargets.indicatorId,
        periodStart: indicatorTargets.periodStart,
        periodEnd: indicatorTargets.periodEnd,
        target: indicatorTargets.targetValue,
      })
      .from(indicatorTargets)
      .innerJoin(indicators, eq(indicators.id, indicatorTargets.indicatorId))
      .where(filter)
      .orderBy(asc(indicatorTargets.periodEnd)),
  ]);
  const lines = new Map<number, CurrentTargets>(finals.map((f) => [f.id, { finalTarget: f.targetValue, milestones: [] }]));
  for (const { indicatorId, ...m } of milestones) lines.get(indicatorId)?.milestones.push(m);
  return lines;
}

/**
 * For a plan and an as-of date, each indicator's final target and milestones in force on that date: what the
 * overview and reports pass to lib/progress evaluateIndicator. Two indexed reads plus the revisions after asOf.
 */
export async function targetsInForce(db: Db, planId: number, asOf: IsoDate): Promise<Map<number, TargetLine>> {
  const [lines, later] = await Promise.all([
    currentTargets(db, { planId }),
    db
      .select({
        id: targetRevisions.id,
        indicatorId: targetRevisions.indicatorId,
        targetId: targetRevisions.targetId,
        oldValue: targetRevisions.oldValue,
        newValue: targetRevisions.newValue,
        effectiveOn: targetRevisions.effectiveOn,
      })
      .from(targetRevisions)
      .innerJoin(indicators, eq(indicators.id, targetRevisions.indicatorId))
      .where(and(eq(indicators.planId, planId), gt(targetRevisions.effectiveOn, asOf)))
      .orderBy(desc(targetRevisions.effectiveOn), desc(targetRevisions.id)),
  ]);
  for (const revision of later) {
    const line = lines.get(revision.indicatorId);
    if (line) lines.set(revision.indicatorId, apply(line, revision, revision.oldValue));
  }
  return new Map([...lines].map(([id, line]) => [id, strip(line)]));
}

export interface TargetRevisionEntry {
  id: number;
  /** null: the final target; otherwise the milestone's period. */
  period: { start: IsoDate; end: IsoDate } | null;
  oldValue: number;
  newValue: number;
  effectiveOn: IsoDate;
  reason: string;
  revisedBy: string | null;
  recordedAt: Date;
}

export interface TargetHistory {
  /** The targets as endorsed, before any revision. */
  original: TargetLine;
  /** The targets in force now. */
  current: TargetLine;
  /** Each target line that was ever in force: the original (from null), then one per revision date. */
  lines: { from: IsoDate | null; line: TargetLine }[];
  /** Oldest first. */
  revisions: TargetRevisionEntry[];
}

/**
 * Every target line of an indicator that was ever in force, and the revisions between them, with who revised
 * and why: the data the indicator chart needs to draw the original and the revised target lines and mark each
 * revision, and the definition sheet lists. Undefined for an unknown indicator.
 */
export async function targetHistory(db: Db, indicatorId: number): Promise<TargetHistory | undefined> {
  const [lines, rows] = await Promise.all([
    currentTargets(db, { indicatorId }),
    revisionRows(db, eq(targetRevisions.indicatorId, indicatorId)),
  ]);
  const current = lines.get(indicatorId);
  if (!current) return undefined;
  let line = current;
  for (const revision of [...rows].reverse()) line = apply(line, revision, revision.oldValue);
  const history: TargetHistory['lines'] = [{ from: null, line: strip(line) }];
  for (const revision of rows) {
    line = apply(line, revision, revision.newValue);
    const last = history[history.length - 1]!;
    if (last.from === revision.effectiveOn) last.line = strip(line);
    else history.push({ from: revision.effectiveOn, line: strip(line) });
  }
  return {
    original: history[0]!.line,
    current: strip(current),
    lines: history,
    revisions: rows.map(entryOf),
  };
}

export interface PlanRevision extends TargetRevisionEntry {
  indicatorId: number;
  indicatorCode: string;
}

/** Every target revision of a plan effective on or after a date, oldest first: what the committee report lists. */
export async function revisionsSince(db: Db, planId: number, since: IsoDate): Promise<PlanRevision[]> {
  const rows = await revisionRows(db, and(eq(indicators.planId, planId), gte(targetRevisions.effectiveOn, since))!);
  return rows.map((r) => ({ ...entryOf(r), indicatorId: r.indicatorId, indicatorCode: r.indicatorCode }));
}

/** Revisions with who made them and the period each changed, oldest first (by indicator within a day). */
function revisionRows(db: Db, where: SQL) {
  return db
    .select({
      ...columnsOf(targetRevisions, 'id', 'indicatorId', 'targetId', 'oldValue', 'newValue', 'effectiveOn', 'reason'),
      ...columnsOf(indicatorTargets, 'periodStart', 'periodEnd'),
      indicatorCode: indicators.code,
      revisedBy: users.name,
      recordedAt: targetRevisions.createdAt,
    })
    .from(targetRevisions)
    .innerJoin(indicators, eq(indicators.id, targetRevisions.indicatorId))
    .leftJoin(users, eq(users.id, targetRevisions.revisedBy))
    .leftJoin(indicatorTargets, eq(indicatorTargets.id, targetRevisions.targetId))
    .where(where)
    .orderBy(asc(targetRevisions.effectiveOn), asc(indicators.code), asc(targetRevisions.id));
}

type RevisionRowOut = Awaited<ReturnType<typeof revisionRows>>[number];

function entryOf(r: RevisionRowOut): TargetRevisionEntry {
  const { id, oldValue, newValue, effectiveOn, reason, revisedBy, recordedAt, periodStart, periodEnd } = r;
  return { id, period: periodStart && periodEnd ? { start: periodStart, end: periodEnd } : null, oldValue, newValue, effectiveOn, reason, revisedBy, recordedAt };
}
