import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { itemLinks } from '@/db/queries/meetings/items';
import { findMeeting } from '@/db/queries/meetings/meetings';
import { packItems } from '@/db/queries/meetings/pack';
import type { ReportIndicator } from '@/db/queries/report/committee';
import { workPlans } from '@/db/schema';
import { requireUser } from '@/data/auth/session';
import { isIsoDate } from '@/lib/periods';
import { loadCommitteeReport } from './report';

/**
 * The pack for the next meeting: the committee report "since" a meeting — its standing and
 * what changed — plus every item recorded at that meeting with its status as of the pack's date and, for each
 * indicator an item concerns, its reading and status at the meeting and now (from the same report evaluation).
 */

const isoDate = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().refine((s) => isIsoDate(s)).optional().catch(undefined));

/** ?asOf= (default: the plan's as-of date), ?since= (default: the meeting's date) and ?knownOn= (default: now). */
export const packParams = z.object({ since: isoDate, asOf: isoDate, knownOn: isoDate });
export type PackParams = z.infer<typeof packParams>;

export async function loadPack(meetingId: number, params: PackParams) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) return undefined;
  const [plan] = meeting.planId ? await db.select({ year: workPlans.year }).from(workPlans).where(eq(workPlans.id, meeting.planId)) : [];
  const data = await loadCommitteeReport({ since: params.since ?? meeting.heldOn, asOf: params.asOf, knownOn: params.knownOn, plan: plan?.year });
  if (!data) return { meeting, data: undefined, items: [] };
  const items = await packItems(db, meeting.id, data.report.asOf);
  const links = await itemLinks(db, items.map((i) => i.id));
  const byId = new Map<number, ReportIndicator>(data.report.goals.flatMap((g) => g.indicators).map((i) => [i.id, i]));
  return {
    meeting,
    data,
    items: items.map((item) => {
      const mine = links.filter((l) => l.itemId === item.id);
      return {
        ...item,
        goals: mine.filter((l) => l.goalId !== null),
        indicators: mine.flatMap((l) => {
          const evaluated = l.indicatorId === null ? undefined : byId.get(l.indicatorId);
          return evaluated ? [evaluated] : [];
        }),
      };
    }),
  };
}

export type Pack = NonNullable<Awaited<ReturnType<typeof loadPack>>>;
