import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './common';
import { progressUpdates } from './progress';
import { users } from './users';

/** Raw bytes: postgres.js and PGlite both hand bytea back as a Uint8Array (a Buffer on postgres.js). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/**
 * Files attached to a progress update as evidence. Kept in PostgreSQL with the update they support, so a backup,
 * a restore and the embedded store carry them with no second storage to keep in step. The type is the one found
 * in the content (lib/evidence), never the one the browser or the name claimed. Removing a file deletes its row
 * (audited with its name, type, size and digest); the update's own versions keep their history.
 */
export const evidenceFiles = pgTable(
  'progress_update_evidence_files',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    updateId: bigint('update_id', { mode: 'number' })
      .notNull()
      .references(() => progressUpdates.id),
    /** The file name as uploaded, made safe (no folders, control or direction characters; the detected extension). */
    name: text('name').notNull(),
    /** The MIME type detected from the content. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the content: shown so a reader can match a copy they hold. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('progress_update_evidence_files_update_idx').on(t.updateId),
    index('progress_update_evidence_files_uploaded_by_idx').on(t.uploadedBy),
    check('progress_update_evidence_files_size', sql`${t.size} > 0 and ${t.size} <= 10485760 and octet_length(${t.content}) = ${t.size}`),
    check('progress_update_evidence_files_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
