import 'server-only';
import { getDb } from '@/db';
import { evidenceOf, findEvidenceFile, type EvidenceFileMeta } from '@/db/queries/evidence';
import { mayReadUpdateEvidence } from '@/lib/auth/policy';
import { requireUser } from './auth/session';

/** Evidence files behind the policy: who may see them in a list, and who may download one. */

export type { EvidenceFileMeta };

/**
 * The evidence of the updates the caller is shown, by update id: its files (possibly none), or null where the
 * policy hides the update's evidence (link and files) from the caller — a draft's, from a committee member.
 */
export async function loadEvidence(updates: readonly { id: number; status: string }[]): Promise<Map<number, EvidenceFileMeta[] | null>> {
  const user = await requireUser('dashboard.read');
  const visible = updates.filter((u) => mayReadUpdateEvidence(user, u)).map((u) => u.id);
  return evidenceShownTo(user, updates, await evidenceOf(await getDb(), visible));
}

/** loadEvidence over files already read (a cached view's): the same answer, from `files` of every update. */
export function evidenceShownTo(
  user: { role: unknown },
  updates: readonly { id: number; status: string }[],
  files: ReadonlyMap<number, EvidenceFileMeta[]>,
): Map<number, EvidenceFileMeta[] | null> {
  return new Map(updates.map((u) => [u.id, mayReadUpdateEvidence(user, u) ? (files.get(u.id) ?? []) : null]));
}

/**
 * One file to download: undefined when there is none, or when the caller may not read it (the same answer, so
 * a hidden draft's files cannot be told from files that do not exist).
 */
export async function loadEvidenceDownload(fileId: number | undefined) {
  const user = await requireUser('dashboard.read');
  if (fileId === undefined) return undefined;
  const file = await findEvidenceFile(await getDb(), fileId);
  if (!file || !mayReadUpdateEvidence(user, file)) return undefined;
  return file;
}
