import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

/**
 * Rules for a NEW password (set-password link, change of password, the user:create command). Sign-in never
 * applies them: an old password that predates a rule must still let its owner in.
 *
 * Follows NIST SP 800-63B §3.1.1.2: a length floor and ceiling, a check against commonly used passwords and
 * context-specific words, and no composition rules (no "one digit, one symbol"), so long passphrases pass.
 *
 * Problems are message KEYS, not sentences: the UI translates them through the message catalog.
 * This module carries a ~49,000-entry list: use it on the server (server actions, route handlers, scripts);
 * a client component should only mirror the length hint with the exported constants.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordProblemKeys = [
  'password.required',
  'password.tooShort',
  'password.tooLong',
  'password.common',
  'password.containsEmail',
] as const;
export type PasswordProblem = (typeof passwordProblemKeys)[number];

export interface PasswordContext {
  /** The account's email: a password equal to or containing its local part is refused. */
  email?: string;
}

/**
 * Local parts shorter than this are only refused when the whole password equals them, not when it contains
 * them: refusing every password containing "li" or "bo" would reject good passphrases for no gain.
 */
const MIN_LOCAL_PART_FOR_CONTAINS = 4;

// The common-password list of @zxcvbn-ts/language-common (MIT, maintained; ~49k passwords ranked by frequency
// in real breaches, all lower case). Built into a Set on first use so that importing this module stays cheap.
let commonPasswords: ReadonlySet<string> | undefined;
function isCommon(lowered: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(lowered);
}

/**
 * A password is "common" when, ignoring case, it is on the list; when what is left after stripping leading and
 * trailing digits and symbols is on the list ("Password2024!", "!!dragon123456" — the usual way people stretch a
 * common word to a length rule); or when it is one character repeated.
 */
function looksCommon(password: string): boolean {
  const lowered = password.toLowerCase();
  if (isCommon(lowered)) return true;
  const core = lowered.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');
  if (core && core !== lowered && isCommon(core)) return true;
  const chars = [...lowered];
  return chars.every((c) => c === chars[0]);
}

/** The words of the email that a password must not be or contain: the local part, and its part before "+". */
function emailWords(email: string | undefined): string[] {
  if (!email) return [];
  const at = email.lastIndexOf('@');
  const local = (at === -1 ? email : email.slice(0, at)).trim().toLowerCase();
  const words = new Set([local, local.split('+')[0] ?? '']);
  return [...words].filter((w) => w.length > 0);
}

function containsEmail(password: string, email: string | undefined): boolean {
  const lowered = password.toLowerCase();
  return emailWords(email).some(
    (word) => lowered === word || (word.length >= MIN_LOCAL_PART_FOR_CONTAINS && lowered.includes(word)),
  );
}

/**
 * Every rule a new password breaks, as message keys; an empty list means the password is acceptable.
 * Lengths count Unicode code points, so an emoji or a CJK character is one character, as a person counts.
 */
export function passwordProblems(password: unknown, ctx: PasswordContext = {}): PasswordProblem[] {
  if (typeof password !== 'string' || password.length === 0) return ['password.required'];
  const length = [...password].length;
  if (length > PASSWORD_MAX_LENGTH) return ['password.tooLong']; // don't scan megabytes of input any further
  const problems: PasswordProblem[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push('password.tooShort');
  if (looksCommon(password)) problems.push('password.common');
  if (containsEmail(password, ctx.email)) problems.push('password.containsEmail');
  return problems;
}

/**
 * A zod schema for a new password in the given context. Each problem is one issue whose message is its key,
 * so `error.issues.map((i) => i.message)` is the list to translate.
 */
export function newPasswordSchema(ctx: PasswordContext = {}) {
  return z.string({ error: 'password.required' }).superRefine((password, issues) => {
    for (const problem of passwordProblems(password, ctx)) {
      issues.addIssue({ code: 'custom', message: problem });
    }
  });
}
