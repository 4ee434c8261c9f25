import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { indicators, progressUpdates, reportingCycles, reportingWindows } from '../schema';
import { notify } from '../queries/notifications/write';
import { ADMIN, STAFF, userId, type UserIds } from './users';

/**
 * The demo's reporting cycle, so that the staff account has something due, something late and something returned
 * on first sign-in (the demo's today is 15 November 2020):
 * - the plan's windows are enforced, with reminders seven days before a due date;
 * - the admins asked for the fourth quarter's figures to date by 10 November, for the Committee's late-November
 *   meeting (the quarter stays open until the end of January);
 * - the staff account took over the manual indicators G3.4 (with the update returned for its commitment letter),
 *   G5.3 (nothing yet for the fourth quarter: late) and G5.5 (the annual report: due in January).
 * The reminders themselves come from the reminder job, as they would in production.
 */
export const DEMO_STAFF_INDICATORS = ['G3.4', 'G5.3', 'G5.5'] as const;

export async function insertReportingCycle(db: Db, planId: number, users: UserIds): Promise<void> {
  const staff = userId(users, STAFF);
  const admin = userId(users, ADMIN);
  await db.insert(reportingCycles).values({ planId, enforced: true, reminderDays: 7, updatedBy: admin }).onConflictDoNothing();
  await db
    .insert(reportingWindows)
    .values({ planId, frequency: 'quarterly', periodStart: '2020-10-01', periodEnd: '2020-12-31', opensOn: '2020-10-01', dueOn: '2020-11-10', closesOn: '2021-01-31', updatedBy: admin })
    .onConflictDoNothing();
  if (!staff) return;
  const owned = await db
    .update(indicators)
    .set({ ownerId: staff })
    .where(and(eq(indicators.planId, planId), inArray(indicators.code, [...DEMO_STAFF_INDICATORS]), eq(indicators.source, 'manual')))
    .returning({ id: indicators.id, code: indicators.code });
  const g34 = owned.find((i) => i.code === 'G3.4');
  if (!g34) return;
  // The returned update is the staff member's to correct, and they were told when it was returned.
  const returned = await db
    .update(progressUpdates)
    .set({ reportedBy: staff })
    .where(and(eq(progressUpdates.indicatorId, g34.id), eq(progressUpdates.status, 'returned')))
    .returning();
  await notify(
    db,
    returned.map((u) => ({
      userId: staff,
      kind: 'update_returned' as const,
      params: { code: 'G3.4', periodEnd: u.periodEnd, reason: u.reviewComment ?? '' },
      link: `/updates/${u.id}`,
    })),
  );
}
