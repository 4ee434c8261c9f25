import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  primaryKey,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { updateStatus } from './enums';
import { indicators, workPlans } from './plans';
import { cities, clusters, partners } from './registries';
import { users } from './users';

/**
 * The current state of each progress update. Corrections bump `version` (optimistic locking) and copy the
 * previous state into progress_update_versions, so history stays visible while aggregates read one row per
 * update. Updates are never deleted: withdrawing sets status 'withdrawn'.
 */
export const progressUpdates = pgTable(
  'progress_updates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** count, currency, milestone (0 or 1); null for percent indicators, which store numerator and denominator. */
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    cityId: integer('city_id').references(() => cities.id),
    clusterId: integer('cluster_id').references(() => clusters.id),
    partnerId: integer('partner_id').references(() => partners.id),
    note: text('note'),
    evidenceUrl: text('evidence_url'),
    status: updateStatus('status').notNull().default('draft'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    /** Entered or submitted after its period's due date (lib/reporting-window): set on write, kept once set. */
    late: boolean('late').notNull().default(false),
    /** Sent by each form; a retried or double-clicked submit finds the existing row instead of adding one. */
    idempotencyKey: uuid('idempotency_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('progress_updates_idempotency_key').on(t.idempotencyKey),
    // Chart series and actual-to-date: one indicator's rows by period.
    index('progress_updates_indicator_period_idx').on(t.indicatorId, t.status, t.periodEnd),
    // Latest value per disaggregation series (cumulative and snapshot indicators).
    // Ordered as the per-series window functions read it (series, period end, id), so that a chart's series
    // needs no sort; drizzle/0010 adds INCLUDE columns (not expressible here) for index-only scans.
    index('progress_updates_series_idx').on(
      t.indicatorId,
      sql`coalesce(${t.cityId}, 0)`,
      sql`coalesce(${t.clusterId}, 0)`,
      sql`coalesce(${t.partnerId}, 0)`,
      t.periodEnd,
      t.id,
    ),
    index('progress_updates_city_idx').on(t.cityId),
    index('progress_updates_cluster_idx').on(t.clusterId),
    index('progress_updates_partner_idx').on(t.partnerId),
    index('progress_updates_reported_by_idx').on(t.reportedBy, t.status),
    index('progress_updates_reviewed_by_idx').on(t.reviewedBy),
    check('progress_updates_period_ordered', sql`${t.periodStart} <= ${t.periodEnd}`),
    check(
      'progress_updates_has_value',
      sql`${t.value} is not null or (${t.numerator} is not null and ${t.denominator} is not null)`,
    ),
    check('progress_updates_denominator_positive', sql`${t.denominator} is null or ${t.denominator} > 0`),
    check('progress_updates_version_positive', sql`${t.version} >= 1`),
  ],
);

/** Every earlier version of an update, with who changed it and why. */
export const progressUpdateVersions = pgTable(
  'progress_update_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    updateId: bigint('update_id', { mode: 'number' })
      .notNull()
      .references(() => progressUpdates.id),
    version: integer('version').notNull(),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    cityId: integer('city_id').references(() => cities.id),
    clusterId: integer('cluster_id').references(() => clusters.id),
    partnerId: integer('partner_id').references(() => partners.id),
    note: text('note'),
    evidenceUrl: text('evidence_url'),
    status: updateStatus('status').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    reason: text('reason'),
    createdAt: createdAt(),
    // Copied from the update by a trigger (drizzle/0010), so that "updates changed since the last meeting" is
    // counted from the versions alone, without a lookup of each changed update among millions.
    indicatorId: integer('indicator_id').references(() => indicators.id),
    updateCreatedAt: timestamp('update_created_at', { withTimezone: true }),
  },
  (t) => [
    unique('progress_update_versions_key').on(t.updateId, t.version),
    // The report's "changed since" count: an index-only range scan of the window.
    index('progress_update_versions_created_idx').on(t.createdAt, t.indicatorId, t.updateCreatedAt, t.updateId),
    index('progress_update_versions_city_idx').on(t.cityId),
    index('progress_update_versions_cluster_idx').on(t.clusterId),
    index('progress_update_versions_partner_idx').on(t.partnerId),
    index('progress_update_versions_changed_by_idx').on(t.changedBy),
  ],
);

/** A locked period refuses new updates and corrections; indicatorId null locks the whole plan's period. */
export const periodLocks = pgTable(
  'period_locks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id),
    indicatorId: integer('indicator_id').references(() => indicators.id),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    lockedBy: uuid('locked_by').references(() => users.id),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('period_locks_key').on(t.planId, t.indicatorId, t.periodEnd).nullsNotDistinct(),
    index('period_locks_indicator_idx').on(t.indicatorId),
    index('period_locks_locked_by_idx').on(t.lockedBy),
  ],
);

/**
 * Summary of progress_updates for the dashboards, kept by the trigger progress_updates_summarise
 * (drizzle/0006) in the same transaction as every write: per indicator, status and reporting period, how many
 * updates, their sums and when one last changed. The overview's actual to date and the per-period sums of the
 * charts read these few rows instead of millions of updates. See bench/README.md.
 */
export const progressTotals = pgTable(
  'progress_totals',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    status: updateStatus('status').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    updates: integer('updates').notNull(),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    lastUpdatedAt: timestamp('last_updated_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.status, t.periodStart, t.periodEnd] })],
);

/**
 * The latest update (by period end, then id) of each disaggregation series of an indicator, for the two ways
 * dashboards count: counted = 'approved' (approved only) or 'submitted' (approved and submitted). Kept by the
 * same trigger; what cumulative and snapshot indicators sum for their actual to date.
 */
export const progressLatest = pgTable(
  'progress_latest',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    counted: text('counted', { enum: ['approved', 'submitted'] }).notNull(),
    cityKey: integer('city_key').notNull(),
    clusterKey: integer('cluster_key').notNull(),
    partnerKey: integer('partner_key').notNull(),
    // No foreign key: the trigger replaces these rows as updates change, within the same statement.
    updateId: bigint('update_id', { mode: 'number' }).notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.counted, t.cityKey, t.clusterKey, t.partnerKey] }),
    index('progress_latest_update_idx').on(t.updateId),
  ],
);

/**
 * progress_totals rolled up per indicator and status, over all periods (same trigger): the overview reads one row
 * per indicator. `maxPeriodStart` tells when periods after an as-of date exist (then the buckets are read).
 */
export const progressIndicatorTotals = pgTable(
  'progress_indicator_totals',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    status: updateStatus('status').notNull(),
    updates: integer('updates').notNull(),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    lastUpdatedAt: timestamp('last_updated_at', { withTimezone: true }),
    maxPeriodStart: date('max_period_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.status] })],
);

/** progress_latest summed per indicator (same trigger): the level of a cumulative or snapshot indicator. */
export const progressIndicatorLevels = pgTable(
  'progress_indicator_levels',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    counted: text('counted', { enum: ['approved', 'submitted'] }).notNull(),
    series: integer('series').notNull(),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    maxPeriodStart: date('max_period_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.counted] })],
);

/**
 * How the level of a cumulative or snapshot indicator changes at each period end (same trigger, drizzle/0010):
 * the sum over its series of (series' value from that period end − its value before), and how many series start
 * there. A chart's level at a period's end is the running sum of the changes up to it: a few dozen rows per
 * indicator, whatever the number of updates.
 */
export const progressLevelChanges = pgTable(
  'progress_level_changes',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    counted: text('counted', { enum: ['approved', 'submitted'] }).notNull(),
    periodEnd: date('period_end').notNull(),
    series: integer('series').notNull(),
    // Each figure with the change in how many series have it (sum() over series ignores missing figures).
    value: numeric('value', { mode: 'number' }).notNull(),
    valueSeries: integer('value_series').notNull(),
    numerator: numeric('numerator', { mode: 'number' }).notNull(),
    numeratorSeries: integer('numerator_series').notNull(),
    denominator: numeric('denominator', { mode: 'number' }).notNull(),
    denominatorSeries: integer('denominator_series').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.counted, t.periodEnd] })],
);

/**
 * A plan's actual to date as it stood at the end of a past day (the committee report's "then" column), kept once
 * computed: updates and their versions are stamped by the server's clock, so what stood at the end of a day that
 * has passed cannot change. Triggers (drizzle/0010) drop a snapshot if a row stamped on or before its day is ever
 * written or removed, or if an indicator of the plan changes how it counts.
 */
export const progressAsOfSnapshots = pgTable(
  'progress_as_of_snapshots',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    asOf: date('as_of').notNull(),
    counted: text('counted', { enum: ['approved', 'submitted'] }).notNull(),
    /** Updates of the plan (any status) created by the end of the day: the report's "new since" count. */
    updatesCreated: integer('updates_created').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('progress_as_of_snapshots_key').on(t.planId, t.asOf, t.counted), index('progress_as_of_snapshots_as_of_idx').on(t.asOf)],
);

export const progressAsOfSnapshotRows = pgTable(
  'progress_as_of_snapshot_rows',
  {
    snapshotId: integer('snapshot_id')
      .notNull()
      .references(() => progressAsOfSnapshots.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    updates: integer('updates').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.indicatorId] }), index('progress_as_of_snapshot_rows_indicator_idx').on(t.indicatorId)],
);
