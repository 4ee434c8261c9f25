import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { progressUpdates, progressUpdateVersions } from '../../schema';
import type { DbOrTx } from '../audit';

/**
 * Nobody reviews their own figures: the reporter of an update and whoever changed it last (each change records
 * its actor on the version row it keeps) may not approve or return it. The rule lives here, for the change path
 * (reviewUpdate) and for the review queue, which does not offer the buttons to them.
 */
const lastEditor = sql<string | null>`coalesce((
  select ${progressUpdateVersions.changedBy} from ${progressUpdateVersions}
  where ${progressUpdateVersions.updateId} = ${progressUpdates.id}
  order by ${progressUpdateVersions.version} desc limit 1
), ${progressUpdates.reportedBy})`;

const ownedBy = (userId: string) => or(eq(progressUpdates.reportedBy, userId), sql`${lastEditor} = ${userId}::uuid`);

/** Whether `userId` reported or last changed the update, and so may not review it. */
export async function isOwnUpdate(db: DbOrTx, userId: string, updateId: number): Promise<boolean> {
  const rows = await db.select({ id: progressUpdates.id }).from(progressUpdates).where(and(eq(progressUpdates.id, updateId), ownedBy(userId)));
  return rows.length > 0;
}

/** Of the given updates, those `userId` may not review. */
export async function ownUpdateIds(db: DbOrTx, userId: string, updateIds: number[]): Promise<Set<number>> {
  if (updateIds.length === 0) return new Set();
  const rows = await db.select({ id: progressUpdates.id }).from(progressUpdates).where(and(inArray(progressUpdates.id, updateIds), ownedBy(userId)));
  return new Set(rows.map((r) => r.id));
}
