import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { excerpt } from '@/lib/notifications/kinds';
import { addDays, daysBetween } from '@/lib/periods';
import type { Db } from '../../client';
import { meetingItems, reportingCycles, users, workPlans } from '../../schema';
import { outstandingReports, type DueItem } from '../cycle/due';
import { cycleToday } from '../cycle/windows';
import { notify, type NewNotification } from './write';

/**
 * The reminder jobs' work. Each is safe to run any number of times, by any number of workers at once: every
 * reminder has a dedupe key (person, period or item, kind) that the notifications table holds unique, so a second
 * run writes nothing new. They remind from outstandingReports, the same list "My reporting" shows.
 */

/** A window counts as just opened for a week: a worker that was down for a day still announces it, an old one is not. */
const OPENING_NOTICE_DAYS = 7;

function byOwnerAndPeriod(items: DueItem[]) {
  const groups = new Map<string, DueItem[]>();
  for (const i of items) {
    // A period is its key (2020-Q4, 2020-H2, 2020…): a quarter and the year end on the same day but are not one period.
    const key = `${i.ownerId}|${i.periodKey}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()];
}

function reminder(kind: 'window_opening' | 'due_soon' | 'overdue', planId: number, planYear: number, group: DueItem[]): NewNotification {
  const first = group[0]!;
  return {
    userId: first.ownerId,
    kind,
    params: { period: first.periodKey, codes: group.map((g) => g.indicatorCode).join(', '), count: group.length, dueOn: first.dueOn, closesOn: first.closesOn, year: planYear },
    link: '/my-reporting',
    dedupeKey: `${kind}:${first.ownerId}:${planId}:${first.periodKey}`,
  };
}

/** Window opening, due in N days and overdue reminders to the owners, for every plan whose windows are enforced. */
export async function sendReportingReminders(db: Db): Promise<{ written: number }> {
  const plans = await db
    .select({ id: workPlans.id, year: workPlans.year })
    .from(reportingCycles)
    .innerJoin(workPlans, eq(workPlans.id, reportingCycles.planId))
    .where(eq(reportingCycles.enforced, true));
  let written = 0;
  for (const plan of plans) {
    const { today, reminderDays, items } = await outstandingReports(db, { planId: plan.id });
    const list: NewNotification[] = [];
    for (const group of byOwnerAndPeriod(items)) {
      const w = group[0]!;
      if (w.phase === 'late') list.push(reminder('overdue', plan.id, plan.year, group));
      else if (w.phase === 'open') {
        if (daysBetween(today, w.dueOn) <= reminderDays) list.push(reminder('due_soon', plan.id, plan.year, group));
        else if (daysBetween(w.opensOn, today) < OPENING_NOTICE_DAYS) list.push(reminder('window_opening', plan.id, plan.year, group));
      }
    }
    written += await notify(db, list);
  }
  return { written };
}

/** Meeting action items due within a week (or past due) and still open: once per item and owner. */
export async function sendItemDueReminders(db: Db, withinDays = 7): Promise<{ written: number }> {
  const today = await cycleToday(db);
  const items = await db
    .select({ id: meetingItems.id, ownerId: meetingItems.ownerId, dueOn: meetingItems.dueOn, text: meetingItems.text })
    .from(meetingItems)
    .where(
      and(
        eq(meetingItems.kind, 'action_item'),
        isNotNull(meetingItems.ownerId),
        inArray(meetingItems.status, ['open', 'in_progress']),
        lte(meetingItems.dueOn, addDays(today, withinDays)),
      ),
    );
  const list = items.map((i) => ({
    userId: i.ownerId!,
    kind: 'item_due' as const,
    params: { item: excerpt(i.text), dueOn: i.dueOn! },
    link: `/meetings/items/${i.id}`,
    dedupeKey: `item_due:${i.ownerId}:${i.id}:${i.dueOn}`,
  }));
  return { written: await notify(db, list) };
}

/** The weekly digest to reviewers: how many periods are overdue, by owner, across enforced plans. Once per admin a week. */
export async function sendOverdueDigest(db: Db): Promise<{ written: number }> {
  const today = await cycleToday(db);
  const plans = await db.select({ id: reportingCycles.planId }).from(reportingCycles).where(eq(reportingCycles.enforced, true));
  const late: DueItem[] = [];
  for (const p of plans) late.push(...(await outstandingReports(db, { planId: p.id })).items.filter((i) => i.phase === 'late'));
  if (late.length === 0) return { written: 0 };
  const owners = [...new Set(late.map((i) => i.ownerId))];
  const names = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, owners));
  const perOwner = owners
    .map((o) => `${names.find((n) => n.id === o)?.name ?? '—'} (${late.filter((i) => i.ownerId === o).length})`)
    .join(', ');
  const admins = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  const week = weekStart(today);
  const list = admins.map((a) => ({
    userId: a.id,
    kind: 'overdue_digest' as const,
    params: { count: late.length, owners: perOwner, week },
    link: '/review',
    dedupeKey: `overdue_digest:${a.id}:${week}`,
  }));
  return { written: await notify(db, list) };
}

/** The Monday of the ISO week containing the date. */
export function weekStart(date: string): string {
  const dayOfWeek = (daysBetween('1970-01-05', date) % 7 + 7) % 7; // 1970-01-05 was a Monday
  return addDays(date, -dayOfWeek);
}
