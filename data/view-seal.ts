import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Every `'use cache'` function is also a Server Function: Next runs it for a POST that names its id, with the
 * arguments the caller sends. A view's arguments say what it shows (submitted updates included or not), and the
 * readers in data/ choose them only after authorizing the request. So each view takes, last, a seal of its other
 * arguments (an HMAC under AUTH_SECRET, the same on every instance, so a sealed key is shared like any other) and
 * answers nothing to arguments it did not get from data/.
 */
function mac(args: readonly unknown[]): string {
  const key = process.env.AUTH_SECRET;
  if (!key) throw new Error('AUTH_SECRET is not set: cached views cannot be sealed');
  return createHmac('sha256', key).update(JSON.stringify(args)).digest('base64url');
}

/** The arguments for a view, followed by their seal. */
export function sealed<A extends readonly unknown[]>(...args: A): [...A, string] {
  return [...args, mac(args)];
}

/** Whether a view's arguments came with their seal. */
export function isSealed(args: readonly unknown[], seal: unknown): boolean {
  const expected = Buffer.from(mac(args));
  const given = Buffer.from(typeof seal === 'string' ? seal : '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
