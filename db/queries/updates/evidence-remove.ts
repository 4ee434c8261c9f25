import { and, eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { evidenceFiles, indicators, progressUpdates } from '../../schema';
import { audit } from '../audit';
import { auditOf, metaColumns } from '../evidence';
import { periodRefusal } from './changes';
import { problem, type FieldErrors } from './types';

export type RemoveEvidenceResult =
  | { ok: true; updateId: number; indicatorCode: string; name: string }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'invalid'; errors: FieldErrors };

/**
 * Removes one file, audited with what it was. Refused where a correction would be: on a withdrawn update, in a
 * locked or closed period, and on an approved one (its approval was given with the evidence in front of the
 * reviewer: correct it, which sends it back for review, rather than change what was approved).
 */
export async function removeEvidence(db: Db, input: { fileId: number; actorId: string | null }): Promise<RemoveEvidenceResult> {
  return db.transaction(async (tx): Promise<RemoveEvidenceResult> => {
    const [file] = await tx.select(metaColumns).from(evidenceFiles).where(eq(evidenceFiles.id, input.fileId));
    if (!file) return { ok: false, error: 'not_found' };
    // The update's row lock orders this after (or before) a correction attaching files to the same update.
    const [current] = await tx.select().from(progressUpdates).where(eq(progressUpdates.id, file.updateId)).for('update');
    if (!current) return { ok: false, error: 'not_found' };
    if (current.status === 'withdrawn') return { ok: false, error: 'invalid', errors: { form: [problem('updates.errors.withdrawn')] } };
    if (current.status === 'approved') return { ok: false, error: 'invalid', errors: { form: [problem('evidence.errors.approved')] } };
    const refusal = await periodRefusal(tx, current);
    if (refusal.errors) return { ok: false, error: 'invalid', errors: refusal.errors };
    const deleted = await tx
      .delete(evidenceFiles)
      .where(and(eq(evidenceFiles.id, file.id), eq(evidenceFiles.updateId, current.id)))
      .returning({ id: evidenceFiles.id });
    if (deleted.length === 0) return { ok: false, error: 'not_found' };
    await audit(tx, 'progress.evidence.remove', ['progress_update', current.id], input.actorId, { before: auditOf(file) });
    const [ind] = await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.id, current.indicatorId));
    return { ok: true, updateId: current.id, indicatorCode: ind?.code ?? '', name: file.name };
  });
}
