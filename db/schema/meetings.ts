import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { meetingItemKind, meetingItemStatus, meetingKind } from './enums';
import { goals, indicators, workPlans } from './plans';
import { users } from './users';

export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    planId: integer('plan_id').references(() => workPlans.id),
    kind: meetingKind('kind').notNull(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    participants: text('participants'),
    agenda: text('agenda'),
    /** Markdown, rendered safely. */
    minutes: text('minutes'),
    /** Once the record is closed, what was approved for the meeting (its narrative) stays as it was. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meetings_plan_idx').on(t.planId),
    index('meetings_kind_held_on_idx').on(t.kind, t.heldOn),
    index('meetings_closed_by_idx').on(t.closedBy),
  ],
);

/** Participants who are users of the app, beside the free-text `participants` of a meeting. */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_participants_user_idx').on(t.userId)],
);

export const meetingItems = pgTable(
  'meeting_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    kind: meetingItemKind('kind').notNull(),
    text: text('text').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    ownerName: text('owner_name'),
    dueOn: date('due_on'),
    status: meetingItemStatus('status').notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meeting_items_meeting_idx').on(t.meetingId),
    index('meeting_items_owner_idx').on(t.ownerId),
    index('meeting_items_status_due_idx').on(t.status, t.dueOn),
  ],
);

export const meetingItemStatusHistory = pgTable(
  'meeting_item_status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => meetingItems.id),
    status: meetingItemStatus('status').notNull(),
    changedOn: date('changed_on').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_item_status_history_item_idx').on(t.itemId, t.changedOn),
    index('meeting_item_status_history_changed_by_idx').on(t.changedBy),
  ],
);

/** An item concerns a goal or an indicator (exactly one per link row). */
export const meetingItemLinks = pgTable(
  'meeting_item_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => meetingItems.id),
    goalId: integer('goal_id').references(() => goals.id),
    indicatorId: integer('indicator_id').references(() => indicators.id),
  },
  (t) => [
    index('meeting_item_links_item_idx').on(t.itemId),
    index('meeting_item_links_goal_idx').on(t.goalId),
    index('meeting_item_links_indicator_idx').on(t.indicatorId),
    check('meeting_item_links_one_target', sql`num_nonnulls(${t.goalId}, ${t.indicatorId}) = 1`),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    indicatorId: integer('indicator_id').references(() => indicators.id),
    meetingItemId: integer('meeting_item_id').references(() => meetingItems.id),
    /** Threads are one level deep: a reply's parent is never itself a reply (enforced in the action). */
    parentId: integer('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_indicator_idx').on(t.indicatorId, t.createdAt),
    index('comments_meeting_item_idx').on(t.meetingItemId, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_author_idx').on(t.authorId),
    check('comments_one_subject', sql`num_nonnulls(${t.indicatorId}, ${t.meetingItemId}) = 1`),
  ],
);
