import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { indicatorChart } from '@/db/queries/charts/indicator-chart';
import { approvedNarrativeFor } from '@/db/queries/narratives/read';
import { committeeReport } from '@/db/queries/report/committee';
import { findPlan } from '@/db/queries/plans';
import { checkKnownOn, checkWithinPlan, ReadModelInputError } from '@/db/read-model';

export { ReadModelInputError } from '@/db/read-model';
import { requireUser } from '@/data/auth/session';
import { isIsoDate } from '@/lib/periods';
import { openGoalsParam } from '@/lib/validation/open-goals';

const isoDate = z
  .string()
  .refine((s) => isIsoDate(s))
  .optional()
  .catch(undefined);

/** ?since=YYYY-MM-DD&asOf=YYYY-MM-DD&plan=YEAR; anything malformed falls back to the defaults. */
export const committeeReportParams = z.object({
  since: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), isoDate),
  asOf: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), isoDate),
  // Knowledge time: the figures as they were known at the end of this day (a meeting's pack); default: now.
  knownOn: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), isoDate),
  plan: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)),
  // The goals whose indicator tables are shown: comma-separated codes, "all" or "none" (default: all of a plan
  // of up to EXPAND_ALL_UP_TO indicators, else none — each goal keeps its status summary).
  open: openGoalsParam.optional(),
});
export type CommitteeReportParams = z.infer<typeof committeeReportParams>;

/** How many charts the report shows: the indicators furthest behind, worst first. */
const KEY_CHARTS = 4;

/** The committee report and the charts of its key indicators, behind the policy. */
export async function loadCommitteeReport(params: CommitteeReportParams) {
  await requireUser('dashboard.read');
  return readCommitteeReport(params);
}

/**
 * The report itself, for a caller authorized otherwise: a read-only share link (data/share-links.ts), which has
 * checked its link. The same read as the page's, so the shared page and the report give the same numbers.
 */
export async function readCommitteeReport(params: CommitteeReportParams) {
  const db = await getDb();
  const report = await committeeReport(db, { year: params.plan, since: params.since, asOf: params.asOf, knownOn: params.knownOn });
  if (!report) return undefined;
  const behind = report.goals
    .flatMap((g) => g.indicators)
    .filter((i) => i.now.status === 'off_track' || i.now.status === 'at_risk')
    .sort((a, b) => (a.now.achievement ?? 0) - (b.now.achievement ?? 0))
    .slice(0, KEY_CHARTS);
  const [charts, narrative] = await Promise.all([
    Promise.all(behind.map((i) => indicatorChart(db, i.id, { asOf: report.asOf, knownOn: report.knownOn ?? undefined }))),
    // The narrative approved for the meeting this report's window leads up to (its window starts where ours does).
    approvedNarrativeFor(db, report.plan.id, report.since),
  ]);
  return { report, charts: charts.filter((c) => c !== undefined), narrative };
}

/**
 * The report's dates checked against its plan before anything is printed: an as-of or since date outside the
 * plan is the caller's mistake (400 with the field), never a 500. Undefined when the dates are fine.
 */
export async function reportInputProblem(params: CommitteeReportParams): Promise<ReadModelInputError | undefined> {
  const plan = await findPlan(await getDb(), params.plan);
  if (!plan) return undefined;
  try {
    checkWithinPlan('asOf', params.asOf, plan);
    checkKnownOn(params.knownOn);
    return undefined;
  } catch (error) {
    if (error instanceof ReadModelInputError) return error;
    throw error;
  }
}

/** The 400 answer for a report or pack asked about dates outside its plan. */
export function inputProblemResponse(problem: ReadModelInputError): Response {
  return Response.json({ error: 'invalid_input', field: problem.field, reason: problem.reason }, { status: 400 });
}
