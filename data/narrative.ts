import 'server-only';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { findMeeting, type Meeting } from '@/db/queries/meetings/meetings';
import { findNarrative, type NarrativeVersion } from '@/db/queries/narratives/read';
import { mayApproveNarrative } from '@/lib/auth/policy';
import { requireUser } from '@/data/auth/session';
import { narrativeWindow } from './narrative-facts';

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
