import { decryptSecret, encryptSecret } from './secret-box';

/**
 * Between the password and the two-factor code, the browser holds an encrypted, five-minute challenge naming
 * the user: the password is never kept, and the code step cannot be reached without the password step.
 */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
const purpose = 'sign-in-challenge';

export function challengeCookieName(secure: boolean): string {
  return secure ? '__Host-srm-2fa' : 'srm-2fa';
}

export function createChallenge(userId: string, sessionVersion: number, now = Date.now()): string {
  return encryptSecret(JSON.stringify({ uid: userId, sv: sessionVersion, exp: now + CHALLENGE_TTL_SECONDS * 1000 }), { purpose });
}

export function readChallenge(value: string | undefined, now = Date.now()): { userId: string; sessionVersion: number } | null {
  if (!value) return null;
  try {
    const { uid, sv, exp } = JSON.parse(decryptSecret(value, { purpose })) as { uid?: unknown; sv?: unknown; exp?: unknown };
    if (typeof uid !== 'string' || typeof sv !== 'number' || typeof exp !== 'number' || exp < now) return null;
    return { userId: uid, sessionVersion: sv };
  } catch {
    return null;
  }
}
