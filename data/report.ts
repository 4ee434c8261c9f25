import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { mayReadUpdateEvidence } from '@/lib/auth/policy';
import { findPlan } from '@/db/queries/plans';
import { checkKnownOn, checkWithinPlan, ReadModelInputError } from '@/db/read-model';

export { ReadModelInputError } from '@/db/read-model';
import { requireUser } from '@/data/auth/session';
import { committeeReportView, reportEvidenceView, unwrap, viewDay, type CommitteeReportViewArgs } from '@/data/views';
import { sealed } from '@/data/view-seal';
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
  const user = await requireUser('dashboard.read');
  const result = await readCommitteeReport(params);
  if (!result) return undefined;
  // Which evidence rows a reader sees depends on their role: filtered here, per request, from the cached rows.
  const { report } = result;
  const evidence = (await reportEvidenceView(...sealed(report.plan.id, report.since, report.asOf)))!;
  return { ...result, evidence: { ...evidence, rows: evidence.rows.filter((r) => mayReadUpdateEvidence(user, r)) } };
}

/**
 * The report itself, for a caller authorized otherwise: a read-only share link (data/share-links.ts), which has
 * checked its link. The same cached view as the page's, so the shared page and the report give the same numbers.
 */
export async function readCommitteeReport(params: CommitteeReportParams) {
  const args = sealed({ year: params.plan, since: params.since, asOf: params.asOf, knownOn: params.knownOn }, KEY_CHARTS, viewDay());
  const result = unwrap(await committeeReportView(...args));
  // The sealed arguments go with the figures: the page renders its cached parts from the same view (report-body.tsx).
  return result ? { ...result, view: args as CommitteeReportViewArgs } : undefined;
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
