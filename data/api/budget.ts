import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db';
import { planBudgetLines } from '@/db/queries/budget/lines';
import { planBudgetRevisions } from '@/db/queries/budget/series';
import { planBaseCurrency, utilisationAsOf, type UtilisationRow } from '@/db/queries/budget/utilisation';
import { asOfDateFor } from '@/db/queries/plans';
import { ApiProblem } from '@/lib/api/problems';
import { pageByOffset } from '@/lib/api/cursor';
import { readingFromAggregate } from '@/lib/progress/reading';
import type { budgetLinesQuery, utilisationQuery } from '@/lib/validation/api';
import { offsetOf } from './paging';
import { planByYear } from './plans';

/**
 * The API's budget: lines with their revisions, and utilisation as of a date from the budget page's own query
 * (db/queries/budget/utilisation.ts, the one home of the figure). Money is `{ value, unit }` with a
 * JSON number, as every quantity of this API: the database's exact decimal to the cent, read as the nearest double,
 * which prints back as the same decimal for amounts below 10^13 (15 significant digits; the columns hold 14 before
 * the point). Utilisation is a percent computed by the rule every percent reading uses (lib/progress/reading), so
 * it is the very number the supporting-commitment indicator shows.
 */

const money = (amount: string, currency: string) => ({ value: Number(amount), unit: currency });

export async function apiBudgetLines(year: number, query: z.infer<typeof budgetLinesQuery>) {
  const plan = await planByYear(year);
  const db = await getDb();
  const [lines, revisions] = await Promise.all([planBudgetLines(db, plan.id), planBudgetRevisions(db, plan.id)]);
  const page = pageByOffset(lines, offsetOf(query.cursor), query.limit);
  return {
    items: page.items.map((l) => ({
      id: l.id,
      code: l.code,
      title: l.title,
      titleZh: l.titleZh,
      goal: l.goalCode,
      fundingSource: l.fundingSource,
      amount: money(l.amount, l.currency),
      revisions: revisions
        .filter((r) => r.lineCode === l.code)
        .map((r) => ({ effectiveOn: r.effectiveOn, oldAmount: money(r.oldAmount, l.currency), newAmount: money(r.newAmount, l.currency), reason: r.reason })),
    })),
    next: page.next,
  };
}

function utilisationOut(r: UtilisationRow, currency: string) {
  const percent = readingFromAggregate('percent', { value: null, numerator: Number(r.spent), denominator: Number(r.budget), count: 1 }).value;
  return {
    level: r.level,
    code: r.level === 'line' || r.level === 'goal' ? r.code : null,
    title: r.title,
    titleZh: r.titleZh,
    fundingSource: r.level === 'line' || r.level === 'source' ? r.fundingSource : null,
    budget: money(r.budget, currency),
    spent: money(r.spent, currency),
    remaining: money(r.remaining, currency),
    projectedYearEnd: money(r.projectedYearEnd, currency),
    utilisation: { value: percent, unit: '%' },
  };
}

export async function apiUtilisation(year: number, query: z.infer<typeof utilisationQuery>) {
  const plan = await planByYear(year);
  const db = await getDb();
  const planAsOf = await asOfDateFor(db, plan);
  // The budget page's dates: within the plan, never after its as-of date (there the figures stop).
  if (query.asOf !== undefined && (query.asOf < plan.startDate || query.asOf > planAsOf)) {
    throw new ApiProblem('invalid_request', { errors: { asOf: [`Expected a date from ${plan.startDate} to ${planAsOf}.`] } });
  }
  const asOf = query.asOf ?? planAsOf;
  const [{ rows, timing }, currency] = await Promise.all([utilisationAsOf(db, plan.id, asOf), planBaseCurrency(db, plan.id)]);
  const page = pageByOffset(
    rows.filter((r) => query.level === undefined || r.level === query.level),
    offsetOf(query.cursor),
    query.limit,
  );
  return {
    asOf,
    currency,
    timeElapsed: { value: 100 * timing.timeElapsed, unit: '%' },
    items: page.items.map((r) => utilisationOut(r, currency)),
    next: page.next,
  };
}
