import { alias, type PgSelect, type SelectedFields } from 'drizzle-orm/pg-core';
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client';
import { cities, clusters, goals, indicators, partners, progressUpdates, progressUpdateVersions, users } from '../../schema';
import { figureOf } from './placement';
import type { UpdateRow, UpdateStatus } from './types';

/**
 * An indicator's updates with the history of each: every version kept in
 * progress_update_versions, read as "who changed what, when, from → to, why".
 */

export interface HistoryEntry {
  version: number;
  at: Date;
  byName: string | null;
  reason: string | null;
  from: number | null;
  to: number | null;
  fromStatus: UpdateStatus;
  toStatus: UpdateStatus;
}

/** Where an update is, by name: English, and Chinese where the registry has it. */
export interface PlaceNames {
  cityName: string | null;
  clusterName: string | null;
  partnerName: string | null;
  cityNameZh: string | null;
  clusterNameZh: string | null;
  partnerNameZh: string | null;
}

export interface UpdateListItem extends PlaceNames {
  update: UpdateRow;
  /** The comparable figure: the value, or the percentage of a percent indicator. */
  figure: number | null;
  reporterName: string | null;
  reviewerName: string | null;
  history: HistoryEntry[];
}

const reporter = alias(users, 'reporter');
const reviewer = alias(users, 'reviewer');

export const placeColumns = {
  cityName: cities.name,
  clusterName: clusters.name,
  partnerName: partners.name,
  cityNameZh: cities.nameZh,
  clusterNameZh: clusters.nameZh,
  partnerNameZh: partners.nameZh,
};

/** Who reported an update and who reviewed it, by name. */
export const peopleColumns = { reporterName: reporter.name, reviewerName: reviewer.name };

/** Joins what `placeColumns` reads to a select from progress_updates (made `$dynamic()`). */
export function withPlaces<T extends PgSelect>(query: T) {
  return query
    .leftJoin(cities, eq(cities.id, progressUpdates.cityId))
    .leftJoin(clusters, eq(clusters.id, progressUpdates.clusterId))
    .leftJoin(partners, eq(partners.id, progressUpdates.partnerId));
}

/**
 * A select of updates with their indicator and goal joined and their place names read (`placeColumns` besides
 * `fields`), made `$dynamic()` for the caller's filters; `planOrder` is their order in a plan.
 */
export function selectUpdatesWithPlaces<F extends SelectedFields>(db: Db, fields: F) {
  return withPlaces(
    db
      .select({ ...fields, ...placeColumns })
      .from(progressUpdates)
      .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
      .innerJoin(goals, eq(goals.id, indicators.goalId))
      .$dynamic(),
  );
}

/** A plan's updates in its order: by goal, then indicator, then period. */
export const planOrder = [asc(goals.sortOrder), asc(indicators.sortOrder), asc(indicators.code), asc(progressUpdates.periodEnd), asc(progressUpdates.id)];

/** Joins what `peopleColumns` reads to a select from progress_updates (made `$dynamic()`). */
export function withPeople<T extends PgSelect>(query: T) {
  return query.leftJoin(reporter, eq(reporter.id, progressUpdates.reportedBy)).leftJoin(reviewer, eq(reviewer.id, progressUpdates.reviewedBy));
}

/** How many updates an indicator has (for paging its table). */
export async function countIndicatorUpdates(db: Db, indicatorId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.indicatorId, indicatorId));
  return row?.n ?? 0;
}

/**
 * An indicator's updates, newest period first, with their histories. Paged: an indicator with years of weekly
 * updates per city has thousands, and the page must not render (or read) them all at once.
 */
export async function indicatorUpdates(
  db: Db,
  indicatorId: number,
  page: { limit: number; offset: number } = { limit: 1_000, offset: 0 },
): Promise<UpdateListItem[]> {
  const rows = await withPeople(withPlaces(db.select({ update: progressUpdates, ...peopleColumns, ...placeColumns }).from(progressUpdates).$dynamic()))
    .where(eq(progressUpdates.indicatorId, indicatorId))
    .orderBy(desc(progressUpdates.periodEnd), desc(progressUpdates.id))
    .limit(page.limit)
    .offset(page.offset);
  const histories = await historiesOf(db, rows.map((r) => r.update));
  return rows.map((r) => ({ ...r, figure: figureOf(r.update), history: histories.get(r.update.id) ?? [] }));
}

/** Versions of the given updates, oldest first, each paired with the state that replaced it. */
export async function historiesOf(db: Db, updates: UpdateRow[]): Promise<Map<number, HistoryEntry[]>> {
  const out = new Map<number, HistoryEntry[]>();
  if (updates.length === 0) return out;
  const versions = await db
    .select({ v: progressUpdateVersions, byName: users.name })
    .from(progressUpdateVersions)
    .leftJoin(users, eq(users.id, progressUpdateVersions.changedBy))
    .where(inArray(progressUpdateVersions.updateId, updates.map((u) => u.id)))
    .orderBy(asc(progressUpdateVersions.updateId), asc(progressUpdateVersions.version));
  const current = new Map(updates.map((u) => [u.id, u]));
  const byUpdate = new Map<number, typeof versions>();
  for (const row of versions) {
    const list = byUpdate.get(row.v.updateId) ?? [];
    list.push(row);
    byUpdate.set(row.v.updateId, list);
  }
  for (const [updateId, list] of byUpdate) {
    out.set(
      updateId,
      list.map(({ v, byName }, i) => {
        const next = list[i + 1]?.v ?? current.get(updateId)!;
        return {
          version: v.version,
          at: v.createdAt,
          byName,
          reason: v.reason,
          from: figureOf(v),
          to: figureOf(next),
          fromStatus: v.status,
          toStatus: next.status,
        };
      }),
    );
  }
  return out;
}

/** One update with its indicator, for the correction form. */
export async function findUpdateWithIndicator(db: Db, updateId: number) {
  const [row] = await withPlaces(
    db
      .select({ update: progressUpdates, indicator: indicators, ...placeColumns })
      .from(progressUpdates)
      .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
      .$dynamic(),
  ).where(eq(progressUpdates.id, updateId));
  return row;
}
