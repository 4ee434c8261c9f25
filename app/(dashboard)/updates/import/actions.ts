'use server';

import { defineJsonAction } from '@/data/action';
import { problemTranslator } from '@/data/updates-messages';
import { importChunkRequest, importRequestSchema } from '@/data/writes/updates';

/**
 * One chunk of an import. The browser reads the file and sends up to 1,000 rows per call, first to check ('check':
 * nothing written), then — if the user chooses — to import the good rows (and the rows with warnings, if
 * confirmed). One chunk per request keeps each request short, so other users' requests are served between them,
 * and the browser shows progress as chunks complete. Rows carry keys derived from the file, so retries store
 * nothing twice.
 */
export const importChunkAction = defineJsonAction({
  policy: 'progress.import',
  schema: importRequestSchema,
  invalidMessage: 'updates.import.badChunk',
  body: async ({ db, actor, input, t }) => {
    // The same path as the benchmark's (bench/import-updates.ts).
    const result = await importChunkRequest(db, input, actor.id);
    if (typeof result === 'string') return { ok: false, message: t(result === 'bad_chunk' ? 'updates.import.badChunk' : 'updates.errors.noPlan') };
    const { one } = await problemTranslator();
    const messages = (list: typeof result.bad) => list.map((b) => ({ row: b.row, column: b.column, message: one(b.problem) }));
    const invalidate = input.mode === 'import' ? [{ kind: 'progress' as const }] : [];
    return { ok: true, ...result, bad: messages(result.bad), warnings: messages(result.warnings), invalidate };
  },
});
