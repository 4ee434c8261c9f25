import { asc, count, eq, inArray } from 'drizzle-orm';
import { MAX_EVIDENCE_FILES } from '@/lib/evidence/rules';
import type { Db } from '../client';
import { evidenceFiles, indicators, progressUpdates } from '../schema';
import { audit, type DbOrTx } from './audit';
import { columnsOf } from './columns';
import { problem, type FieldErrors } from './updates/types';

/** Evidence files of progress updates: attached with the update's own write, read for display, served, removed. */

/** A file checked by data/evidence-uploads (type from its content, size, digest), ready to store. */
export interface EvidenceUpload {
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/** What is shown of a stored file (never its content). */
export interface EvidenceFileMeta {
  id: number;
  updateId: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export const metaColumns = columnsOf(evidenceFiles, 'id', 'updateId', 'name', 'mime', 'size', 'sha256', 'createdAt');

export const auditOf = (f: Pick<EvidenceFileMeta, 'id' | 'name' | 'mime' | 'size' | 'sha256'>) => ({
  fileId: f.id,
  name: f.name,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
});

export async function countEvidence(tx: DbOrTx, updateId: number): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(evidenceFiles).where(eq(evidenceFiles.updateId, updateId));
  return row?.n ?? 0;
}

/** The refusal when the files would take an update past the limit; call it inside the update's transaction. */
export async function evidenceCountProblem(tx: DbOrTx, updateId: number | null, adding: number): Promise<FieldErrors | undefined> {
  if (adding === 0) return undefined;
  const existing = updateId === null ? 0 : await countEvidence(tx, updateId);
  if (existing + adding <= MAX_EVIDENCE_FILES) return undefined;
  return { evidenceFiles: [problem('evidence.errors.tooMany', { max: MAX_EVIDENCE_FILES })] };
}

/**
 * Stores files with the write of their update, in its transaction (the caller's), each with an audit row naming
 * it: either the update and all its files are stored, or none of it.
 */
export async function attachEvidence(tx: DbOrTx, updateId: number, files: readonly EvidenceUpload[], actorId: string | null): Promise<void> {
  if (files.length === 0) return;
  const stored = await tx
    .insert(evidenceFiles)
    .values(files.map((f) => ({ updateId, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256, content: f.content, uploadedBy: actorId })))
    .returning(metaColumns);
  for (const f of stored) await audit(tx, 'progress.evidence.attach', ['progress_update', updateId], actorId, { after: auditOf(f) });
}

/** The files of the given updates, by update, oldest first. */
export async function evidenceOf(db: DbOrTx, updateIds: readonly number[]): Promise<Map<number, EvidenceFileMeta[]>> {
  const out = new Map<number, EvidenceFileMeta[]>();
  if (updateIds.length === 0) return out;
  const rows = await db
    .select(metaColumns)
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.updateId, [...new Set(updateIds)]))
    .orderBy(asc(evidenceFiles.updateId), asc(evidenceFiles.id));
  for (const r of rows) {
    const list = out.get(r.updateId) ?? [];
    list.push(r);
    out.set(r.updateId, list);
  }
  return out;
}

/** One file with its content and what deciding who may read it needs (its update's status and indicator). */
export async function findEvidenceFile(db: Db, fileId: number) {
  const [row] = await db
    .select({
      ...metaColumns,
      content: evidenceFiles.content,
      status: progressUpdates.status,
      indicatorCode: indicators.code,
    })
    .from(evidenceFiles)
    .innerJoin(progressUpdates, eq(progressUpdates.id, evidenceFiles.updateId))
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .where(eq(evidenceFiles.id, fileId));
  return row;
}
