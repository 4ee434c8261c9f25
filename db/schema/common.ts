import { timestamp } from 'drizzle-orm/pg-core';

/** Timestamps are stored in UTC with their zone; calendar dates (periods) use `date` columns instead. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
