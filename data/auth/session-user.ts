import 'server-only';
import { getDb, type Db } from '@/db';
import { adminsMustUseTwoFactor, userNeedsTwoFactorEnrolment } from '@/db/queries/auth/two-factor';
import { sessionUserRow } from '@/db/queries/auth/session-user';
import type { Role } from '@/lib/auth/policy';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: 'en' | 'zh' | null;
  totpEnabled: boolean;
  /** An admin setting requires two-factor sign-in for this user, who has not enrolled yet. */
  mustEnrolTwoFactor: boolean;
}

/** A session's claims checked against the users table: the user, or null when the session no longer holds. */
export async function userOfSession(claims: { id: string; role?: unknown; sessionVersion?: unknown; sid?: string | null }): Promise<CurrentUser | null> {
  const db = await getDb();
  const row = await sessionUserRow(db, claims.id, claims.sid ?? null);
  if (!row || row.revoked || row.status !== 'active' || row.sessionVersion !== claims.sessionVersion || row.role !== claims.role) {
    return null;
  }
  const totpEnabled = row.totpEnabledAt !== null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, totpEnabled, mustEnrolTwoFactor: await mustEnrol(db, row.role, totpEnabled) };
}

/** An admin setting requires two-factor sign-in of admins, and this one has not enrolled yet. */
export async function mustEnrol(db: Db, role: Role, totpEnabled: boolean): Promise<boolean> {
  return role === 'admin' && !totpEnabled && userNeedsTwoFactorEnrolment({ role, totpEnabled }, await adminsMustUseTwoFactor(db));
}
