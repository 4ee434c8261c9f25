'use server';

import { getDb } from '@/db';
import { importChunkRequest } from '@/db/queries/updates/import';
import { requireActionUser } from '@/data/auth/session';
import { problemTranslator } from '@/data/updates-messages';

/**
 * One chunk of an import (issue 5, item 7). The browser reads the file and sends up to 1,000 rows per call,
 * first to check ('check': nothing written), then — if the user chooses — to import the good rows (and the rows
 * with warnings, if confirmed). One chunk per request keeps each request short, so other users' requests are
 * served between them, and the browser shows progress as chunks complete. Rows carry keys derived from the
 * file, so retries store nothing twice.
 */

interface RowMessage {
  row: number;
  column: string;
  message: string;
}

export interface ImportChunkState {
  ok: boolean;
  message?: string;
  checked: number;
  good: number;
  imported: number;
  alreadyImported: number;
  unconfirmed: number;
  bad: RowMessage[];
  warnings: RowMessage[];
}

export async function importChunkAction(input: unknown): Promise<ImportChunkState> {
  const actor = await requireActionUser('progress.import');
  const { t, one } = await problemTranslator();
  const db = await getDb();
  const result = await importChunkRequest(db, input, actor.id);
  if (typeof result === 'string') {
    const empty = { checked: 0, good: 0, imported: 0, alreadyImported: 0, unconfirmed: 0, bad: [], warnings: [] };
    return { ok: false, message: t(result === 'bad_chunk' ? 'updates.import.badChunk' : 'updates.errors.noPlan'), ...empty };
  }
  const messages = (list: typeof result.bad) => list.map((b) => ({ row: b.row, column: b.column, message: one(b.problem) }));
  return { ok: true, ...result, bad: messages(result.bad), warnings: messages(result.warnings) };
}
