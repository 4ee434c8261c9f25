import 'server-only';
import { getDb } from '@/db';
import { findPlan } from '@/db/queries/plans';
import { templateExamples } from '@/db/queries/updates/import';
import { requireUser } from '@/data/auth/session';
import { periodKey, periodsBetween } from '@/lib/periods';

/**
 * The import template's reads, behind the policy. Apart from data/updates.ts: the import's modules bring the
 * spreadsheet readers, which the pages that only show updates need not load.
 */

/** The import template's example rows: one per value kind, on the plan's own indicators and periods. */
export async function loadTemplateRows(year?: number): Promise<(string | number | null)[][]> {
  await requireUser('progress.import');
  const db = await getDb();
  const plan = await findPlan(db, year);
  if (!plan) return [];
  const examples = await templateExamples(db, plan.id);
  const firstPeriod = (frequency: Parameters<typeof periodKey>[1]) => {
    const [p] = periodsBetween(frequency, plan.startDate, plan.endDate);
    return p ? periodKey(p, frequency) : plan.startDate;
  };
  const figures: Record<string, [string, string, string, string]> = {
    count: ['3', '', '', ''],
    currency: ['12500', '', '', ''],
    milestone: ['', '', '', 'yes'],
    percent: ['', '45', '60', ''],
  };
  return examples.map((e) => [e.code, firstPeriod(e.frequency), ...figures[e.valueKind]!, '', '', '', 'Example: replace with your figures', 'https://example.org/evidence', 'draft']);
}
