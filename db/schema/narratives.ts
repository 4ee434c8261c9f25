import { type AnyPgColumn, date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { meetings } from './meetings';
import { users } from './users';

/** A version of a narrative is either drafted from the numbers or written by a person. */
export const narrativeVersionKind = pgEnum('narrative_version_kind', ['generated', 'edited']);

/**
 * The progress narrative prepared for one Steering Committee meeting. Its texts are versions (never updated,
 * never deleted), so every draft, every edit and the approved text stay readable beside one another.
 */
export const meetingNarratives = pgTable(
  'meeting_narratives',
  {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  meetingId: integer('meeting_id')
    .notNull()
    .unique()
    .references(() => meetings.id),
  /** The version the committee sees; a later edit needs a new approval before it replaces this one. */
  approvedVersionId: integer('approved_version_id').references((): AnyPgColumn => meetingNarrativeVersions.id),
  approvedBy: uuid('approved_by').references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  },
  (t) => [index('meeting_narratives_approved_version_idx').on(t.approvedVersionId), index('meeting_narratives_approved_by_idx').on(t.approvedBy)],
);

export const meetingNarrativeVersions = pgTable(
  'meeting_narrative_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    narrativeId: integer('narrative_id')
      .notNull()
      .references(() => meetingNarratives.id),
    kind: narrativeVersionKind('kind').notNull(),
    /** The figures' date and the start of the window (the previous meeting's date, or the plan's start). */
    asOf: date('as_of').notNull(),
    since: date('since').notNull(),
    previousMeetingId: integer('previous_meeting_id').references(() => meetings.id),
    bodyEn: text('body_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_narrative_versions_narrative_idx').on(t.narrativeId, t.id),
    index('meeting_narrative_versions_previous_meeting_idx').on(t.previousMeetingId),
    index('meeting_narrative_versions_created_by_idx').on(t.createdBy),
  ],
);
