import { createHash } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { evidenceFiles, progressUpdates } from '../schema';

/**
 * Evidence files of the demo: a one-page PDF on an approved update of the latest period reported (the committee
 * report lists the evidence of its window's periods) and a CSV on the first submitted one, so the updates table,
 * the review queue and the committee report show files on first sign-in. Made here, not
 * shipped as binaries.
 */

/** A one-page PDF saying what it is (viewers rebuild the cross-reference table a file this small omits). */
function demoPdf(title: string): Uint8Array {
  const text = `BT /F1 18 Tf 72 760 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  const pdf = [
    '%PDF-1.4',
    '1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj',
    '2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj',
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>> endobj',
    `4 0 obj <</Length ${text.length}>> stream`,
    text,
    'endstream endobj',
    '5 0 obj <</Type/Font/Subtype/Type1/BaseFont/Helvetica>> endobj',
    'trailer <</Root 1 0 R>>',
    '%%EOF',
    '',
  ].join('\n');
  return new TextEncoder().encode(pdf);
}

const file = (updateId: number, name: string, mime: string, content: Uint8Array, uploadedBy: string | null) => ({
  updateId,
  name,
  mime,
  size: content.byteLength,
  sha256: createHash('sha256').update(content).digest('hex'),
  content,
  uploadedBy,
});

export async function insertDemoEvidence(db: Db): Promise<void> {
  const first = (status: 'approved' | 'submitted') =>
    db
      .select({ id: progressUpdates.id, reportedBy: progressUpdates.reportedBy })
      .from(progressUpdates)
      .where(eq(progressUpdates.status, status))
      .orderBy(...(status === 'approved' ? [desc(progressUpdates.periodEnd), asc(progressUpdates.id)] : [asc(progressUpdates.id)]))
      .limit(1);
  const [[approved], [submitted]] = await Promise.all([first('approved'), first('submitted')]);
  const rows = [];
  if (approved) rows.push(file(approved.id, 'attendance-sheet.pdf', 'application/pdf', demoPdf('Attendance sheet - demo evidence'), approved.reportedBy));
  if (submitted) {
    const csv = new TextEncoder().encode('city,participants\nAlmaty,12\nTashkent,9\n');
    rows.push(file(submitted.id, 'participants.csv', 'text/csv', csv, submitted.reportedBy));
  }
  if (rows.length) await db.insert(evidenceFiles).values(rows);
}
