import { and, eq, exists, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { evidenceFiles, indicators, progressUpdates } from '../../schema';
import { columnsOf } from '../columns';
import { evidenceOf, type EvidenceFileMeta } from '../evidence';
import { planOrder, selectUpdatesWithPlaces, type PlaceNames } from '../updates/history';

/** The committee report's evidence: approved updates of the window's periods that carry a link or files. */

export interface ReportEvidenceRow extends PlaceNames {
  updateId: number;
  status: 'approved';
  indicatorCode: string;
  periodStart: string;
  periodEnd: string;
  evidenceUrl: string | null;
  files: EvidenceFileMeta[];
}

/** Enough for a meeting; the indicator pages list the rest. */
export const REPORT_EVIDENCE_LIMIT = 200;

/**
 * Approved updates of the plan whose period ends in [since, asOf] — the figures the report's window brought — with
 * an evidence link or at least one file, in the plan's order. Only approved ones: those are what the report counts.
 */
export async function reportEvidence(db: Db, planId: number, since: string, asOf: string): Promise<{ rows: ReportEvidenceRow[]; more: boolean }> {
  const hasFiles = exists(db.select({ one: sql`1` }).from(evidenceFiles).where(eq(evidenceFiles.updateId, progressUpdates.id)));
  const rows = await selectUpdatesWithPlaces(db, {
    updateId: progressUpdates.id,
    indicatorCode: indicators.code,
    ...columnsOf(progressUpdates, 'periodStart', 'periodEnd', 'evidenceUrl'),
  })
    .where(
      and(
        eq(indicators.planId, planId),
        eq(progressUpdates.status, 'approved'),
        sql`${progressUpdates.periodEnd} between ${since}::date and ${asOf}::date`,
        or(isNotNull(progressUpdates.evidenceUrl), hasFiles),
      ),
    )
    .orderBy(...planOrder)
    .limit(REPORT_EVIDENCE_LIMIT + 1);
  const shown = rows.slice(0, REPORT_EVIDENCE_LIMIT);
  const files = await evidenceOf(db, shown.map((r) => r.updateId));
  return {
    rows: shown.map((r) => ({ ...r, status: 'approved' as const, files: files.get(r.updateId) ?? [] })),
    more: rows.length > REPORT_EVIDENCE_LIMIT,
  };
}
