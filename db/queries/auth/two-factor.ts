import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { decryptSecret, encryptSecret } from '@/lib/auth/secret-box';
import type { Db } from '../../client';
import { appSettings, recoveryCodes, users } from '../../schema';
import { audit, writeAudit, type DbOrTx } from '../audit';

/**
 * Two-factor sign-in with a TOTP authenticator (RFC 6238: SHA-1, 6 digits, 30 s, as every app expects) and
 * one-time recovery codes. Pure data functions: callers check the policy ('account.manage', 'settings.manage').
 *
 * - The TOTP secret is stored only encrypted (lib/auth/secret-box.ts, bound to the user's id); it is set on
 *   `beginTotpEnrolment` while totp_enabled_at stays null, and becomes active once a code confirms it.
 * - Replay: the last accepted time step is kept in app_settings under `totp_last_step:<userId>` (no column
 *   exists for it yet) and only a strictly later step is accepted, claimed by one atomic upsert.
 * - Recovery codes: 16 characters (80 random bits) from a 32-letter alphabet without 0/O/1/I, hashed with
 *   SHA-256 over "<userId>:<code>". They are machine-generated, not chosen, so a slow hash would add nothing
 *   against 2^80 guesses, and a deterministic hash lets one UPDATE … WHERE used_at IS NULL both find and
 *   consume a code atomically (a code works once even when two requests race).
 */

export const DEFAULT_TOTP_ISSUER = 'Silk Road Cities M&E';
export const RECOVERY_CODE_COUNT = 10;
export const REQUIRE_ADMIN_2FA_KEY = 'require_admin_2fa';
const PERIOD_SECONDS = 30;
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // 32 symbols: one byte & 31 picks one uniformly
const RECOVERY_LENGTH = 16;

export const totpLastStepKey = (userId: string) => `totp_last_step:${userId}`;

export class TwoFactorStateError extends Error {
  constructor(readonly code: 'no_user' | 'already_enabled') {
    super(code === 'no_user' ? 'No such user.' : 'Two-factor sign-in is already on for this user.');
    this.name = 'TwoFactorStateError';
  }
}

export interface TotpEnrolment {
  /** Base32, for typing into an authenticator by hand. Show it to the user; never log or store it in clear. */
  secret: string;
  otpauthUrl: string;
  /** A standalone SVG document of the otpauth:// QR code. */
  qrSvg: string;
}

export type ConfirmTotpResult = { ok: true; recoveryCodes: string[] } | { ok: false; error: 'invalid_code' | 'not_enrolling' };
export type SecondFactorResult = { ok: true; method: 'totp' | 'recovery' } | { ok: false };

const seal = (userId: string, secret: string) => encryptSecret(secret, { purpose: 'totp-secret', aad: `user:${userId}` });
const unseal = (userId: string, box: string) => decryptSecret(box, { purpose: 'totp-secret', aad: `user:${userId}` });

/** A 6-digit TOTP code, spaces allowed ("123 456"), or null. */
const asTotpCode = (input: string) => (/^\d{6}$/.test(input.replace(/\s+/g, '')) ? input.replace(/\s+/g, '') : null);

/** A recovery code in canonical form (upper case, no spaces or dashes), or null. */
function asRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, '').toUpperCase();
  return code.length === RECOVERY_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c)) ? code : null;
}

const hashRecoveryCode = (userId: string, code: string) => createHash('sha256').update(`${userId}:${code}`).digest('hex');

function newRecoveryCode(): string {
  const chars = [...randomBytes(RECOVERY_LENGTH)].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The matched time step when `code` is valid at `now` give or take one 30-second step, else null. */
async function matchTotp(secret: string, code: string, now: Date): Promise<number | null> {
  const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD_SECONDS });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Records `step` as the last accepted one if it is later than the stored one; false means a replay. */
async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const claimed = await db
    .insert(appSettings)
    .values({ key: totpLastStepKey(userId), value: String(step) })
    .onConflictDoUpdate({
      target: appSettings.key,
      set: { value: sql`excluded.value`, updatedAt: sql`now()` },
      setWhere: sql`${appSettings.value}::bigint < excluded.value::bigint`,
    })
    .returning({ key: appSettings.key });
  return claimed.length > 0;
}

/** Replaces a user's recovery codes with a new set and returns them in clear, once. */
async function replaceRecoveryCodes(db: DbOrTx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, asRecoveryCode(code)!), createdAt: now })),
  );
  return codes;
}

async function enrolmentView(email: string, secret: string, issuer: string): Promise<TotpEnrolment> {
  const otpauthUrl = generateURI({ issuer, label: email, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrSvg };
}

/** Starts (or restarts) enrolment with a fresh secret, stored encrypted. Throws TwoFactorStateError if already on. */
export async function beginTotpEnrolment(db: Db, input: { userId: string; issuer?: string }): Promise<TotpEnrolment> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new TwoFactorStateError('no_user');
  const secret = generateSecret(); // 20 random bytes, base32
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpSecret: seal(input.userId, secret) })
      .where(and(eq(users.id, input.userId), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new TwoFactorStateError('already_enabled');
    await writeAudit(tx, { actorId: input.userId, action: 'auth.totp_enrolment_started', entityType: 'user', entityId: input.userId });
  });
  return enrolmentView(user.email, secret, input.issuer ?? DEFAULT_TOTP_ISSUER);
}

/** The enrolment in progress (to show its QR code again), or null when none is pending. */
export async function getPendingTotpEnrolment(db: Db, input: { userId: string; issuer?: string }): Promise<TotpEnrolment | null> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user?.totpSecret || user.totpEnabledAt) return null;
  return enrolmentView(user.email, unseal(input.userId, user.totpSecret), input.issuer ?? DEFAULT_TOTP_ISSUER);
}

/** Abandons an enrolment in progress; never touches two-factor that is already on (that needs disableTotp). */
export async function cancelTotpEnrolment(db: Db, input: { userId: string }): Promise<{ cancelled: boolean }> {
  return db.transaction(async (tx) => {
    const cancelled = await tx
      .update(users)
      .set({ totpSecret: null })
      .where(and(eq(users.id, input.userId), isNull(users.totpEnabledAt), isNotNull(users.totpSecret)))
      .returning({ id: users.id });
    if (cancelled.length === 0) return { cancelled: false };
    await writeAudit(tx, { actorId: input.userId, action: 'auth.totp_enrolment_cancelled', entityType: 'user', entityId: input.userId });
    return { cancelled: true };
  });
}

/** Turns two-factor on when `code` matches the pending secret; returns the recovery codes to show once. */
export async function confirmTotpEnrolment(db: Db, input: { userId: string; code: string; now?: Date }): Promise<ConfirmTotpResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<ConfirmTotpResult> => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!user?.totpSecret || user.totpEnabledAt) return { ok: false, error: 'not_enrolling' };
    const code = asTotpCode(input.code);
    const step = code === null ? null : await matchTotp(unseal(input.userId, user.totpSecret), code, now);
    if (step === null || !(await claimTotpStep(tx, input.userId, step))) return { ok: false, error: 'invalid_code' };
    await tx.update(users).set({ totpEnabledAt: now }).where(eq(users.id, input.userId));
    const codes = await replaceRecoveryCodes(tx, input.userId, now);
    const after = { totpEnabledAt: now, recoveryCodes: codes.length };
    await writeAudit(tx, { actorId: input.userId, action: 'auth.totp_enabled', entityType: 'user', entityId: input.userId, after });
    return { ok: true, recoveryCodes: codes };
  });
}

/**
 * The second step of sign-in (or re-authentication before turning two-factor off): a current TOTP code not
 * used before, or an unused recovery code, which is consumed. Refuses everything for a user without two-factor.
 * Throws SecretBoxError if the stored secret cannot be decrypted (AUTH_SECRET changed): recovery codes still work.
 */
export async function verifySecondFactor(db: Db, input: { userId: string; code: string; now?: Date }): Promise<SecondFactorResult> {
  const now = input.now ?? new Date();
  const totp = asTotpCode(input.code);
  const recovery = totp === null ? asRecoveryCode(input.code) : null;
  if (totp === null && recovery === null) return { ok: false };
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user?.totpEnabledAt || !user.totpSecret) return { ok: false };

  if (totp !== null) {
    const step = await matchTotp(unseal(input.userId, user.totpSecret), totp, now);
    if (step === null || !(await claimTotpStep(db, input.userId, step))) return { ok: false };
    return { ok: true, method: 'totp' };
  }

  return db.transaction(async (tx): Promise<SecondFactorResult> => {
    const codeHash = hashRecoveryCode(input.userId, recovery!);
    const [used] = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, input.userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!used) return { ok: false };
    await audit(tx, 'auth.recovery_code_used', ['user', input.userId], input.userId, {
      after: { recoveryCodeId: used.id, remaining: await countUnusedRecoveryCodes(tx, { userId: input.userId }) },
    });
    return { ok: true, method: 'recovery' };
  });
}

/**
 * Turns two-factor off (and drops any pending enrolment): clears the secret, the recovery codes and the replay marker.
 * The caller has verified a fresh code for one's own account, or checked 'users.manage' for another user's.
 */
export async function disableTotp(db: Db, input: { userId: string; actorId: string }): Promise<{ wasEnabled: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!before) throw new TwoFactorStateError('no_user');
    await tx.update(users).set({ totpSecret: null, totpEnabledAt: null }).where(eq(users.id, input.userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId));
    await tx.delete(appSettings).where(eq(appSettings.key, totpLastStepKey(input.userId)));
    await audit(tx, 'auth.totp_disabled', ['user', input.userId], input.actorId, {
      before: { totpEnabledAt: before.totpEnabledAt },
      after: { totpEnabledAt: null },
    });
    return { wasEnabled: before.totpEnabledAt !== null };
  });
}

/** A new set of recovery codes (the old ones stop working), shown once. Only while two-factor is on. */
export async function regenerateRecoveryCodes(
  db: Db,
  input: { userId: string; now?: Date },
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; error: 'not_enabled' }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    if (!user?.totpEnabledAt) return { ok: false as const, error: 'not_enabled' as const };
    const codes = await replaceRecoveryCodes(tx, input.userId, now);
    const after = { recoveryCodes: codes.length };
    await writeAudit(tx, { actorId: input.userId, action: 'auth.recovery_codes_regenerated', entityType: 'user', entityId: input.userId, after });
    return { ok: true as const, recoveryCodes: codes };
  });
}

export async function countUnusedRecoveryCodes(db: DbOrTx, input: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, input.userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** `pending`: a secret is stored but not yet confirmed with a code. */
export type TwoFactorStatus = { enabled: boolean; enabledAt: Date | null; pending: boolean; unusedRecoveryCodes: number };

export async function getTwoFactorStatus(db: Db, input: { userId: string }): Promise<TwoFactorStatus> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  const enabledAt = user?.totpEnabledAt ?? null;
  return {
    enabled: enabledAt !== null,
    enabledAt,
    pending: enabledAt === null && Boolean(user?.totpSecret),
    unusedRecoveryCodes: enabledAt ? await countUnusedRecoveryCodes(db, input) : 0,
  };
}

/** The admin setting "require two-factor sign-in for admins" (app_settings 'require_admin_2fa'). */
export async function adminsMustUseTwoFactor(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, REQUIRE_ADMIN_2FA_KEY));
  return row?.value === 'true';
}

export async function setAdminsMustUseTwoFactor(db: Db, input: { value: boolean; actorId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await adminsMustUseTwoFactor(tx);
    const value = String(input.value);
    await tx
      .insert(appSettings)
      .values({ key: REQUIRE_ADMIN_2FA_KEY, value })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: sql`now()` } });
    await audit(tx, 'settings.updated', ['app_setting', REQUIRE_ADMIN_2FA_KEY], input.actorId, {
      before: { value: before },
      after: { value: input.value },
    });
  });
}

/** Whether this user must enrol before going on: admins without two-factor while the setting is on. */
export function userNeedsTwoFactorEnrolment(user: { role: string; totpEnabled: boolean }, required: boolean): boolean {
  return required && user.role === 'admin' && !user.totpEnabled;
}
