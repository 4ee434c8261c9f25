import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { outstandingReports } from '../cycle/due';
import type { Db } from '../../client';
import { goals, indicators, progressUpdates, users, workPlans } from '../../schema';
import { columnsOf } from '../columns';
import { peopleColumns, planOrder, selectUpdatesWithPlaces, withPeople, type PlaceNames } from './history';
import type { Frequency } from '@/lib/periods';
import type { UpdateStatus } from './types';

/** The review queue, the exports and "My reporting": lists of a plan's updates, filtered in SQL. */

export interface UpdateFilters {
  goal?: string;
  indicator?: string;
  /** Updates whose period ends in [from, to]. */
  periodFrom?: string;
  periodTo?: string;
  reporter?: string;
  statuses?: UpdateStatus[];
  /** Only these goals (a named reviewer's queue); an empty list matches nothing. */
  goalIds?: number[];
}

export interface UpdateListRow extends PlaceNames {
  id: number;
  version: number;
  goalId: number;
  goalCode: string;
  indicatorCode: string;
  indicatorName: string;
  indicatorId: number;
  accumulation: 'non_cumulative' | 'cumulative' | 'snapshot';
  frequency: Frequency;
  cityId: number | null;
  clusterId: number | null;
  partnerId: number | null;
  valueKind: 'count' | 'percent' | 'currency' | 'milestone';
  unit: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: UpdateStatus;
  note: string | null;
  evidenceUrl: string | null;
  reporterId: string | null;
  reporterName: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewerName: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

/**
 * A plan's updates matching the filters, in the plan's order; with `keyset`, by id after `afterId` instead (the
 * API's cursor pages, stable while updates are added).
 */
export async function listUpdates(
  db: Db,
  planId: number,
  filters: UpdateFilters,
  limit = 500,
  keyset?: { afterId: number },
): Promise<UpdateListRow[]> {
  return withPeople(selectUpdatesWithPlaces(db, {
    ...columnsOf(progressUpdates, 'id', 'version', 'cityId', 'clusterId', 'partnerId', 'periodStart', 'periodEnd'),
    ...columnsOf(progressUpdates, 'value', 'numerator', 'denominator', 'status', 'note', 'evidenceUrl'),
    ...columnsOf(progressUpdates, 'createdAt', 'updatedAt', 'reviewedAt', 'reviewComment'),
    reporterId: progressUpdates.reportedBy,
    goalId: goals.id,
    goalCode: goals.code,
    indicatorCode: indicators.code,
    indicatorName: indicators.name,
    indicatorId: indicators.id,
    ...columnsOf(indicators, 'accumulation', 'frequency', 'valueKind', 'unit'),
    ...peopleColumns,
  }))
    .where(
      and(
        eq(indicators.planId, planId),
        filters.goal ? eq(goals.code, filters.goal) : undefined,
        filters.goalIds ? (filters.goalIds.length ? inArray(goals.id, filters.goalIds) : sql`false`) : undefined,
        filters.indicator ? eq(indicators.code, filters.indicator) : undefined,
        filters.periodFrom ? sql`${progressUpdates.periodEnd} >= ${filters.periodFrom}::date` : undefined,
        filters.periodTo ? sql`${progressUpdates.periodEnd} <= ${filters.periodTo}::date` : undefined,
        filters.reporter ? eq(progressUpdates.reportedBy, filters.reporter) : undefined,
        filters.statuses?.length ? inArray(progressUpdates.status, filters.statuses) : undefined,
        keyset ? gt(progressUpdates.id, keyset.afterId) : undefined,
      ),
    )
    .orderBy(
      ...(keyset
        ? [asc(progressUpdates.id)]
        : planOrder),
    )
    .limit(limit);
}

/** Everyone who has reported in a plan, for the review queue's reporter filter. */
export async function planReporters(db: Db, planId: number) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(progressUpdates)
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .innerJoin(users, eq(users.id, progressUpdates.reportedBy))
    .where(eq(indicators.planId, planId))
    .orderBy(asc(users.name));
}

export interface DuePeriod {
  indicatorCode: string;
  indicatorName: string;
  periodKey: string;
  periodEnd: string;
  dueOn: string;
  closesOn: string;
}

/**
 * "My reporting": the owner's periods with nothing reported, by their submission window — due (open now) and
 * overdue (past the due date, not yet closed) — and their drafts and returned updates.
 */
export async function myReporting(db: Db, input: { userId: string; planId: number; asOf: string }) {
  const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, input.planId));
  if (!plan) return { due: [], overdue: [], open: [] };
  const outstanding = await outstandingReports(db, { planId: plan.id, ownerId: input.userId });
  const due: DuePeriod[] = [];
  const overdue: DuePeriod[] = [];
  for (const d of outstanding.items) {
    const item = { indicatorCode: d.indicatorCode, indicatorName: d.indicatorName, periodKey: d.periodKey, periodEnd: d.periodEnd, dueOn: d.dueOn, closesOn: d.closesOn };
    if (outstanding.enforced) {
      if (d.phase === 'open') due.push(item);
      else if (d.phase === 'late') overdue.push(item);
    } else if (d.periodStart <= input.asOf) {
      (d.periodEnd < input.asOf ? overdue : due).push(item);
    }
  }
  const open = await listUpdates(db, plan.id, { reporter: input.userId, statuses: ['draft', 'returned'] });
  return { due, overdue, open };
}
