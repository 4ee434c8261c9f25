import { sql } from 'drizzle-orm';
import { derivationKeys, type DerivationKey } from '../../lib/derivations';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import {
  accumulation,
  direction,
  disaggregation,
  frequency,
  indicatorSource,
  planStatus,
  valueKind,
} from './enums';
import { meetings } from './meetings';
import { users } from './users';

export const workPlans = pgTable(
  'work_plans',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    titleZh: text('title_zh'),
    status: planStatus('status').notNull().default('draft'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    endorsedOn: date('endorsed_on'),
    /** The Steering Committee meeting that endorsed the plan, once meetings are recorded. */
    endorsedAtMeetingId: integer('endorsed_at_meeting_id').references((): AnyPgColumn => meetings.id),
    closedOn: date('closed_on'),
    /** The plan whose goals and indicators this one was copied from (the yearly copy-forward). */
    copiedFromPlanId: integer('copied_from_plan_id').references((): AnyPgColumn => workPlans.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Only one endorsed plan per year; drafts for the same year may coexist.
    uniqueIndex('work_plans_one_endorsed_per_year').on(t.year).where(sql`${t.status} = 'endorsed'`),
    check('work_plans_dates_ordered', sql`${t.startDate} <= ${t.endDate}`),
    index('work_plans_endorsed_meeting_idx').on(t.endorsedAtMeetingId),
    index('work_plans_copied_from_idx').on(t.copiedFromPlanId),
  ],
);

export const goals = pgTable(
  'goals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    titleZh: text('title_zh'),
    description: text('description'),
    descriptionZh: text('description_zh'),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('goals_plan_code_key').on(t.planId, t.code), index('goals_plan_idx').on(t.planId, t.sortOrder)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // Denormalised from the goal so that codes are unique within a plan with a plain constraint.
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameZh: text('name_zh'),
    description: text('description'),
    descriptionZh: text('description_zh'),
    unit: text('unit').notNull(),
    valueKind: valueKind('value_kind').notNull(),
    accumulation: accumulation('accumulation').notNull(),
    direction: direction('direction').notNull().default('increase'),
    baselineValue: numeric('baseline_value', { mode: 'number' }).notNull().default(0),
    baselineDate: date('baseline_date').notNull(),
    targetValue: numeric('target_value', { mode: 'number' }).notNull(),
    targetDate: date('target_date').notNull(),
    frequency: frequency('frequency').notNull().default('quarterly'),
    ownerId: uuid('owner_id').references(() => users.id),
    source: indicatorSource('source').notNull().default('manual'),
    /** For derived indicators: the derivation that computes it, one of lib/derivations.ts (SQL in db/queries/derived). */
    derivedKey: text('derived_key').$type<DerivationKey>(),
    disaggregations: disaggregation('disaggregations').array().notNull().default(sql`'{}'`),
    // The indicator definition sheet, readable by committee members.
    definition: text('definition'),
    meansOfVerification: text('means_of_verification'),
    collectionMethod: text('collection_method'),
    targetRationale: text('target_rationale'),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('indicators_plan_code_key').on(t.planId, t.code),
    index('indicators_goal_idx').on(t.goalId, t.sortOrder),
    index('indicators_owner_idx').on(t.ownerId),
    check('indicators_derived_has_key', sql`(${t.source} = 'derived') = (${t.derivedKey} is not null)`),
    // Derivations are a closed list, the one the code computes (lib/derivations.ts).
    check('indicators_derived_key_known', sql`${t.derivedKey} is null or ${t.derivedKey} in (${sql.raw(derivationKeys.map((k) => `'${k}'`).join(', '))})`),
    check('indicators_dates_ordered', sql`${t.baselineDate} <= ${t.targetDate}`),
  ],
);

/** Per-period milestones: what a period adds (non-cumulative) or the level expected at its end (others). */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    targetValue: numeric('target_value', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('indicator_targets_period_key').on(t.indicatorId, t.periodEnd),
    check('indicator_targets_period_ordered', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/** Once a plan is endorsed, target changes are recorded here instead of silently overwriting. */
export const targetRevisions = pgTable(
  'target_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** null: the final target; otherwise the period milestone revised. */
    targetId: integer('target_id').references(() => indicatorTargets.id),
    oldValue: numeric('old_value', { mode: 'number' }).notNull(),
    newValue: numeric('new_value', { mode: 'number' }).notNull(),
    effectiveOn: date('effective_on').notNull(),
    reason: text('reason').notNull(),
    revisedBy: uuid('revised_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('target_revisions_indicator_idx').on(t.indicatorId, t.effectiveOn),
    index('target_revisions_target_idx').on(t.targetId),
    index('target_revisions_revised_by_idx').on(t.revisedBy),
  ],
);
