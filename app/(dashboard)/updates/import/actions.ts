'use server';

import { getDb } from '@/db';
import { findPlan } from '@/db/queries/plans';
import { importChunk } from '@/db/queries/updates/import';
import { requireActionUser } from '@/lib/auth/session';
import { problemTranslator } from '@/lib/data/updates-messages';
import { importChunkSchema } from '@/lib/validation/updates-import';

/**
 * One chunk of an import (issue 5, item 7). The browser reads the file and sends up to 1,000 rows per call,
 * first to check ('check': nothing written), then — if the user chooses — to import the good rows. One chunk
 * per request keeps each request short, so other users' requests are served between them, and the browser
 * shows progress as chunks complete. Rows carry keys derived from the file, so retries store nothing twice.
 */

export interface ImportChunkState {
  ok: boolean;
  message?: string;
  checked: number;
  good: number;
  imported: number;
  alreadyImported: number;
  bad: { row: number; column: string; message: string }[];
}

export async function importChunkAction(input: unknown): Promise<ImportChunkState> {
  const actor = await requireActionUser('progress.import');
  const { t, one } = await problemTranslator();
  const empty = { checked: 0, good: 0, imported: 0, alreadyImported: 0, bad: [] };
  const parsed = importChunkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t('updates.import.badChunk'), ...empty };
  const db = await getDb();
  const plan = await findPlan(db, parsed.data.plan);
  if (!plan) return { ok: false, message: t('updates.errors.noPlan'), ...empty };
  const result = await importChunk(db, { planId: plan.id, rows: parsed.data.rows, mode: parsed.data.mode, actorId: actor.id });
  return { ok: true, ...result, bad: result.bad.map((b) => ({ row: b.row, column: b.column, message: one(b.problem) })) };
}
