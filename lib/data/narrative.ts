import 'server-only';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { findMeeting, type Meeting } from '@/db/queries/meetings/meetings';
import { findNarrative, type NarrativeVersion } from '@/db/queries/narratives/read';
import { addNarrativeVersion, type NarrativeWriteResult } from '@/db/queries/narratives/write';
import { mayApproveNarrative } from '@/lib/auth/policy';
import { requireUser } from '@/lib/auth/session';
import { draftNarrative } from '@/lib/narrative/render';
import { narrativeFacts, narrativeWindow } from './narrative-facts';

/** The narrative's reads behind the policy, and its drafting: pages and actions call these, never db/queries. */

export interface NarrativeState {
  meeting: Meeting;
  closed: boolean;
  versions: NarrativeVersion[];
  /** The text in force: the latest version, drafted or edited. */
  current: NarrativeVersion | undefined;
  /** The latest draft from the numbers, and the one before it (what a redraft changed). */
  latestDraft: NarrativeVersion | undefined;
  previousDraft: NarrativeVersion | undefined;
  approved: (NarrativeVersion & { approvedByName: string | null; approvedAt: Date | null }) | undefined;
}

async function narrativeState(db: Db, meeting: Meeting): Promise<NarrativeState> {
  const record = await findNarrative(db, meeting.id);
  const versions = record?.versions ?? [];
  const drafts = versions.filter((v) => v.kind === 'generated');
  const approved = versions.find((v) => v.id === record?.approvedVersionId);
  return {
    meeting,
    closed: meeting.closedAt !== null,
    versions,
    current: versions.at(-1),
    latestDraft: drafts.at(-1),
    previousDraft: drafts.at(-2),
    approved: approved && { ...approved, approvedByName: record!.approvedByName, approvedAt: record!.approvedAt },
  };
}

/** The staff workspace: every version, the default window, and whether this user may approve the text in force. */
export async function loadNarrativeWorkspace(meetingId: number) {
  const user = await requireUser('narrative.edit');
  const db = await getDb();
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) return undefined;
  const [state, window] = await Promise.all([narrativeState(db, meeting), narrativeWindow(db, meeting)]);
  const current = state.current;
  const mayApprove =
    !state.closed && current !== undefined && state.approved?.id !== current.id && mayApproveNarrative(user, { id: current.createdBy });
  return { ...state, window, user, mayApprove };
}

/** What everyone signed in reads on the meeting's record: the approved narrative, if any. */
export async function loadApprovedNarrative(meetingId: number) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) return undefined;
  const state = await narrativeState(db, meeting);
  return { closed: state.closed, approved: state.approved, hasDraft: state.versions.length > 0, closedAt: meeting.closedAt };
}

export type DraftResult = NarrativeWriteResult | { ok: false; error: 'no_plan' | 'as_of_outside' };

/**
 * Drafts the narrative from the numbers as of a date (default: the plan's as-of date, not after the meeting) and
 * keeps it as a new version. The caller has authorized 'narrative.edit'.
 */
export async function draftFromNumbers(db: Db, meetingId: number, asOf: string | undefined, actorId: string): Promise<DraftResult> {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) return { ok: false, error: 'not_found' };
  if (meeting.kind !== 'steering_committee') return { ok: false, error: 'not_steering' };
  if (meeting.closedAt) return { ok: false, error: 'closed' };
  const window = await narrativeWindow(db, meeting);
  if (!window) return { ok: false, error: 'no_plan' };
  const date = asOf ?? window.asOf;
  if (date < window.since || date > window.planEnd) return { ok: false, error: 'as_of_outside' };
  const facts = await narrativeFacts(db, window, date);
  if (!facts) return { ok: false, error: 'no_plan' };
  const body = draftNarrative(facts.input);
  return addNarrativeVersion(
    db,
    meetingId,
    { kind: 'generated', asOf: date, since: window.since, previousMeetingId: window.previousMeeting?.id ?? null, bodyEn: body.en, bodyZh: body.zh },
    actorId,
  );
}
