import { desc, eq } from 'drizzle-orm';
import { mayApproveNarrative } from '@/lib/auth/policy';
import type { Db } from '../../client';
import { meetingNarratives, meetingNarrativeVersions, meetings } from '../../schema';
import { audit, writeAudit, type DbOrTx } from '../audit';

/**
 * The writes of a meeting's narrative. Each takes the meeting's row lock first (so that closing the record and
 * a write cannot interleave), refuses anything once the record is closed, and writes its audit row in the same
 * transaction. Versions are only ever added: a draft, an edit and the approved text stay side by side.
 */

export type NarrativeWriteResult =
  | { ok: true; versionId: number }
  | { ok: false; error: 'not_found' | 'not_steering' | 'closed' | 'stale' | 'own_text' | 'unchanged' };

export type NewVersion =
  | { kind: 'generated'; asOf: string; since: string; previousMeetingId: number | null; bodyEn: string; bodyZh: string }
  /** An edit keeps its draft's window; basedOnVersionId is the version the editor read (a newer one means stale). */
  | { kind: 'edited'; basedOnVersionId: number; bodyEn: string; bodyZh: string };

async function lockMeeting(tx: DbOrTx, meetingId: number) {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  return meeting;
}

async function latestVersion(tx: DbOrTx, narrativeId: number) {
  const [row] = await tx
    .select()
    .from(meetingNarrativeVersions)
    .where(eq(meetingNarrativeVersions.narrativeId, narrativeId))
    .orderBy(desc(meetingNarrativeVersions.id))
    .limit(1);
  return row;
}

export async function addNarrativeVersion(db: Db, meetingId: number, input: NewVersion, actorId: string): Promise<NarrativeWriteResult> {
  return db.transaction(async (tx): Promise<NarrativeWriteResult> => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { ok: false, error: 'not_found' };
    if (meeting.kind !== 'steering_committee') return { ok: false, error: 'not_steering' };
    if (meeting.closedAt) return { ok: false, error: 'closed' };
    let [narrative] = await tx.select().from(meetingNarratives).where(eq(meetingNarratives.meetingId, meetingId));
    narrative ??= (await tx.insert(meetingNarratives).values({ meetingId }).returning())[0]!;
    const latest = await latestVersion(tx, narrative.id);
    let window: { asOf: string; since: string; previousMeetingId: number | null };
    if (input.kind === 'edited') {
      if (!latest || latest.id !== input.basedOnVersionId) return { ok: false, error: 'stale' };
      if (latest.bodyEn === input.bodyEn && latest.bodyZh === input.bodyZh) return { ok: false, error: 'unchanged' };
      window = { asOf: latest.asOf, since: latest.since, previousMeetingId: latest.previousMeetingId };
    } else {
      window = { asOf: input.asOf, since: input.since, previousMeetingId: input.previousMeetingId };
    }
    const [version] = await tx
      .insert(meetingNarrativeVersions)
      .values({ narrativeId: narrative.id, kind: input.kind, ...window, bodyEn: input.bodyEn, bodyZh: input.bodyZh, createdBy: actorId })
      .returning({ id: meetingNarrativeVersions.id });
    await writeAudit(tx, {
      actorId,
      action: input.kind === 'generated' ? 'narrative.generate' : 'narrative.edit',
      entityType: 'meeting_narrative',
      entityId: narrative.id,
      before: latest ? { versionId: latest.id } : null,
      after: { meetingId, versionId: version!.id, kind: input.kind, ...window, bodyEn: input.bodyEn, bodyZh: input.bodyZh },
    });
    return { ok: true, versionId: version!.id };
  });
}

/**
 * Approves the version the approver read, if it is still the latest, and if the approver did not write it
 * (lib/auth/policy.ts mayApproveNarrative: four eyes).
 */
export async function approveNarrative(
  db: Db,
  meetingId: number,
  versionId: number,
  approver: { id: string; role: string },
): Promise<NarrativeWriteResult> {
  return db.transaction(async (tx): Promise<NarrativeWriteResult> => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { ok: false, error: 'not_found' };
    if (meeting.closedAt) return { ok: false, error: 'closed' };
    const [narrative] = await tx.select().from(meetingNarratives).where(eq(meetingNarratives.meetingId, meetingId));
    if (!narrative) return { ok: false, error: 'not_found' };
    const latest = await latestVersion(tx, narrative.id);
    if (!latest || latest.id !== versionId) return { ok: false, error: 'stale' };
    if (narrative.approvedVersionId === versionId) return { ok: false, error: 'unchanged' };
    if (!mayApproveNarrative(approver, { id: latest.createdBy })) return { ok: false, error: 'own_text' };
    await tx
      .update(meetingNarratives)
      .set({ approvedVersionId: versionId, approvedBy: approver.id, approvedAt: new Date() })
      .where(eq(meetingNarratives.id, narrative.id));
    await audit(tx, 'narrative.approve', ['meeting_narrative', narrative.id], approver.id, {
      before: { approvedVersionId: narrative.approvedVersionId },
      after: { meetingId, approvedVersionId: versionId },
    });
    return { ok: true, versionId };
  });
}

/** Closes a meeting's record: from then on its narrative (approved or not) is kept exactly as it is. */
export async function closeMeetingRecord(db: Db, meetingId: number, actorId: string): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'closed' }> {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, meetingId);
    if (!meeting) return { ok: false as const, error: 'not_found' as const };
    if (meeting.closedAt) return { ok: false as const, error: 'closed' as const };
    const closedAt = new Date();
    await tx.update(meetings).set({ closedAt, closedBy: actorId }).where(eq(meetings.id, meetingId));
    await writeAudit(tx, { actorId, action: 'meeting.close', entityType: 'meeting', entityId: meetingId, after: { closedAt: closedAt.toISOString() } });
    return { ok: true as const };
  });
}
