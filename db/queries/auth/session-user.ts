import { eq, sql } from 'drizzle-orm';
import { revokedSessions, users } from '../../schema';
import { columnsOf } from '../columns';
import { prebuilt, type Runner } from '../prebuilt';

/**
 * The users row a session's claims are checked against, and whether this very session was signed out (a response
 * in flight may have handed its cookie back): read on every signed-in request, so prepared once (prebuilt.ts).
 */
const sessionUser = prebuilt(
  'auth_session_user',
  {
    ...columnsOf(users, 'id', 'email', 'name', 'role', 'status', 'sessionVersion', 'locale', 'totpEnabledAt'),
    // A session without an id (sid null) matches no row.
    revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sid} = ${sql.placeholder('sid')})`,
  },
  (db, fields) => db.select(fields).from(users).where(eq(users.id, sql.placeholder('id'))),
);

export async function sessionUserRow(db: Runner, id: string, sid: string | null) {
  const [row] = await sessionUser.run(db, { id, sid });
  return row;
}
