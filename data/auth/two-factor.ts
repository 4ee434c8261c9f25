import 'server-only';
import { getDb } from '@/db';
import { adminsMustUseTwoFactor, getPendingTotpEnrolment, getTwoFactorStatus } from '@/db/queries/auth/two-factor';
import { SecretBoxError } from '@/lib/auth/secret-box';
import { requireUser } from './session';

/** The two-factor reads of the account and settings pages, behind the policy: pages call these, never db/queries. */

/**
 * One's own two-factor sign-in: its status and the pending set-up, if any — null when its secret no longer
 * decrypts (AUTH_SECRET changed), so the page offers a fresh start.
 */
export async function loadOwnTwoFactor() {
  const user = await requireUser('account.manage');
  const db = await getDb();
  const status = await getTwoFactorStatus(db, { userId: user.id });
  if (!status.pending) return { status, pending: null };
  try {
    return { status, pending: await getPendingTotpEnrolment(db, { userId: user.id }) };
  } catch (error) {
    if (error instanceof SecretBoxError) return { status, pending: null };
    throw error;
  }
}

/** Whether admins must use two-factor sign-in (the site setting). */
export async function loadAdminsMustUseTwoFactor() {
  await requireUser('settings.manage');
  return adminsMustUseTwoFactor(await getDb());
}
