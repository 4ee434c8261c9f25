import 'server-only';
import { getDb } from '@/db';
import { inspectPasswordToken } from '@/db/queries/auth/tokens';

/**
 * What a set-password link is (valid, used, expired, unknown), for its page. Public on purpose: the link is how a
 * person without a password gets one, and the token, checked by db/queries/auth/tokens.ts, is the authorization.
 */
export async function loadPasswordToken(token: string) {
  return inspectPasswordToken(await getDb(), token);
}
