import { sql, type SQL } from 'drizzle-orm';

/**
 * The two rules every budget query shares, written once.
 *
 * The budget of a line in force on a date: its current amount, unless a revision took effect after that date —
 * then the amount that revision replaced (the earliest such revision's old amount; revisions of a line are kept
 * in date order, so the chain old → new is unbroken).
 */
export function budgetInForceSql(line: SQL, onDate: SQL): SQL {
  return sql`coalesce((select r.old_amount from budget_revisions r where r.line_id = ${line}.id and r.effective_on > ${onDate}
    order by r.effective_on, r.id limit 1), ${line}.amount)`;
}

/** An expenditure that counts: the current version of its history, not voided. */
export function currentExpenditure(e: SQL): SQL {
  return sql`${e}.superseded_at is null and ${e}.voided_at is null`;
}
