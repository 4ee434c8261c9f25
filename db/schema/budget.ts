import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  char,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { goals, workPlans } from './plans';
import { users } from './users';

/**
 * Budgets and expenditure. Money is `numeric` (exact decimal), read into TypeScript as strings and summed in SQL,
 * never as JavaScript numbers. Amounts carry two decimals (cents); exchange rates ten.
 */
const money = (name: string) => numeric(name, { precision: 16, scale: 2 });

/** A plan's budget currency (ISO 4217). A plan without a row budgets in USD. */
export const planBudgetSettings = pgTable('plan_budget_settings', {
  planId: integer('plan_id')
    .primaryKey()
    .references(() => workPlans.id),
  baseCurrency: char('base_currency', { length: 3 }).notNull().default('USD'),
  updatedAt: updatedAt(),
});

/**
 * A budget line: the amount in force now, in the plan's base currency. Once the plan is endorsed, every change of
 * the amount is also a budget_revisions row (old and new amount, effective date, reason), so the budget in force
 * on any date is the current amount with the later revisions undone.
 */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    titleZh: text('title_zh'),
    /** null: programme-wide (not tied to one goal). */
    goalId: integer('goal_id').references(() => goals.id),
    fundingSource: text('funding_source').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('budget_lines_plan_code_key').on(t.planId, t.code),
    index('budget_lines_goal_idx').on(t.goalId),
    check('budget_lines_amount_not_negative', sql`${t.amount} >= 0`),
  ],
);

export const budgetRevisions = pgTable(
  'budget_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    lineId: integer('line_id')
      .notNull()
      .references(() => budgetLines.id),
    oldAmount: money('old_amount').notNull(),
    newAmount: money('new_amount').notNull(),
    effectiveOn: date('effective_on').notNull(),
    reason: text('reason').notNull(),
    revisedBy: uuid('revised_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('budget_revisions_line_idx').on(t.lineId, t.effectiveOn),
    index('budget_revisions_revised_by_idx').on(t.revisedBy),
  ],
);

/**
 * One expenditure as posted by finance. Rows are never edited: a correction inserts the new version (replaces_id
 * pointing at the old one) and marks the old one superseded; a voided expenditure stays with its reason. The
 * spent figures count the rows neither superseded nor voided. `base_amount` is the amount in the plan's base
 * currency: amount × rate rounded half away from zero to the cent, computed by Postgres.
 */
export const expenditures = pgTable(
  'expenditures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    lineId: integer('line_id')
      .notNull()
      .references(() => budgetLines.id),
    spentOn: date('spent_on').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** Base-currency units per unit of `currency`; 1 when they are the same. */
    rate: numeric('rate', { precision: 20, scale: 10 }).notNull().default('1'),
    baseAmount: money('base_amount')
      .notNull()
      .generatedAlwaysAs(sql`round(amount * rate, 2)`),
    description: text('description').notNull(),
    reference: text('reference'),
    evidenceUrl: text('evidence_url'),
    replacesId: integer('replaces_id').references((): AnyPgColumn => expenditures.id),
    correctionReason: text('correction_reason'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('expenditures_plan_spent_idx').on(t.planId, t.spentOn),
    index('expenditures_line_idx').on(t.lineId, t.spentOn),
    index('expenditures_replaces_idx').on(t.replacesId),
    index('expenditures_recorded_by_idx').on(t.recordedBy),
    check('expenditures_amount_positive', sql`${t.amount} > 0`),
    check('expenditures_rate_positive', sql`${t.rate} > 0`),
  ],
);
