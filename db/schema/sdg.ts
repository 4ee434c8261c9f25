import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { goals, indicators } from './plans';
import { users } from './users';

/**
 * SDG tags: the Sustainable Development Goals ("11") and targets ("11.3") a goal or indicator contributes to.
 * Codes are those of the list shipped in lib/sdg (the action checks them against it; the constraint keeps the
 * shape in the database too).
 */
const codeShape = (column: unknown) => sql`${column} ~ '^(1[0-7]|[1-9])(\\.([0-9]{1,2}|[a-d]))?$'`;

export const goalSdgTags = pgTable(
  'goal_sdg_tags',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    code: text('code').notNull(),
    taggedBy: uuid('tagged_by').references(() => users.id),
    taggedAt: timestamp('tagged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.goalId, t.code] }),
    index('goal_sdg_tags_code_idx').on(t.code),
    index('goal_sdg_tags_tagged_by_idx').on(t.taggedBy),
    check('goal_sdg_tags_code_shape', codeShape(t.code)),
  ],
);

export const indicatorSdgTags = pgTable(
  'indicator_sdg_tags',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    code: text('code').notNull(),
    taggedBy: uuid('tagged_by').references(() => users.id),
    taggedAt: timestamp('tagged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.code] }),
    index('indicator_sdg_tags_code_idx').on(t.code),
    index('indicator_sdg_tags_tagged_by_idx').on(t.taggedBy),
    check('indicator_sdg_tags_code_shape', codeShape(t.code)),
  ],
);
