import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Meeting } from '@/db/queries/meetings/meetings';
import { asOfDateFor, findPlan } from '@/db/queries/plans';
import { getStoredAsOfDate } from '@/db/queries/settings';
import { workPlans } from '@/db/schema';

/** Today as a calendar date (UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

/** The as-of date for a meeting's items: its plan's as-of date, else the stored as-of date, else today. */
export async function asOfForMeeting(db: Db, meeting: Pick<Meeting, 'planId'> | undefined): Promise<string> {
  if (meeting?.planId) {
    const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, meeting.planId));
    if (plan) return asOfDateFor(db, plan);
  }
  const plan = await findPlan(db);
  if (plan) return asOfDateFor(db, plan);
  return (await getStoredAsOfDate(db)) ?? today();
}
