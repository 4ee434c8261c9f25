import 'server-only';
import { getDb } from '@/db';
import { findItem, itemHistory, itemLinks, linkOptions, meetingItemsOf, ownerOptions } from '@/db/queries/meetings/items';
import { findMeeting, listMeetings, meetingParticipantsOf, participantOptions, type MeetingKind } from '@/db/queries/meetings/meetings';
import { requireUser } from '@/data/auth/session';
import { sealed } from '@/data/view-seal';
import { itemsConcerningView, viewDay } from '@/data/views';
import { asOfForMeeting, today } from './meetings-as-of';

/** The reads of the meetings pages, behind the policy: pages call these, never db/queries. */

export { asOfForMeeting, today };

/** The latest date a status change may carry: today, or the as-of date when the database lives in the past's future. */
export function latestStatusDate(asOf: string): string {
  const now = today();
  return asOf > now ? asOf : now;
}

export async function loadMeetingList(kind?: MeetingKind) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const asOf = await asOfForMeeting(db, undefined);
  return { asOf, meetings: await listMeetings(db, { asOf, kind }) };
}

export async function loadMeeting(id: number) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const meeting = await findMeeting(db, id);
  if (!meeting) return undefined;
  const asOf = await asOfForMeeting(db, meeting);
  const [items, participants] = await Promise.all([meetingItemsOf(db, id, asOf), meetingParticipantsOf(db, id)]);
  const links = await itemLinks(db, items.map((i) => i.id));
  return { meeting, asOf, participants, items: items.map((i) => ({ ...i, links: links.filter((l) => l.itemId === i.id) })) };
}

/** Whether there is such a meeting, for the pack's PDF route (which prints the pack page, that reads it again). */
export async function meetingExists(id: number) {
  await requireUser('dashboard.read');
  return (await findMeeting(await getDb(), id)) !== undefined;
}

/** A meeting and the choices of its forms (owners, goals and indicators of its plan), for editors. */
export async function loadMeetingForEditing(id: number) {
  await requireUser('meeting.edit');
  const db = await getDb();
  const meeting = await findMeeting(db, id);
  if (!meeting) return undefined;
  const [owners, options, people, participants] = await Promise.all([
    ownerOptions(db),
    linkOptions(db, meeting.planId),
    participantOptions(db),
    meetingParticipantsOf(db, id),
  ]);
  return { meeting, owners, people, participantIds: participants.map((p) => p.id), ...options };
}

/** The choices of the new-meeting form: who can be recorded as a participant. */
export async function loadNewMeetingChoices() {
  await requireUser('meeting.edit');
  return { people: await participantOptions(await getDb()) };
}

/** One item: its meeting, links, dated history and (for editors) the choices of its forms. */
export async function loadItem(id: number, options: { forEditing: boolean }) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const first = await findItem(db, id, '0001-01-01');
  if (!first) return undefined;
  const meeting = (await findMeeting(db, first.meetingId))!;
  const asOf = await asOfForMeeting(db, meeting);
  const [item, links, history] = await Promise.all([findItem(db, id, asOf), itemLinks(db, [id]), itemHistory(db, id)]);
  const choices = options.forEditing ? { owners: await ownerOptions(db), ...(await linkOptions(db, meeting.planId)) } : undefined;
  return { item: item!, meeting, asOf, links, history, choices, latest: latestStatusDate(asOf) };
}

/** Items that concern an indicator or a goal, for their pages; overdue ones first. */
export async function loadItemsConcerning(target: { indicatorId: number } | { goalId: number }) {
  await requireUser('dashboard.read');
  return (await itemsConcerningView(...sealed(target, viewDay())))!;
}
