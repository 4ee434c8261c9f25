import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import {
  adminsMustUseTwoFactor,
  beginTotpEnrolment,
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  countUnusedRecoveryCodes,
  disableTotp,
  getPendingTotpEnrolment,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  setAdminsMustUseTwoFactor,
  totpLastStepKey,
  TwoFactorStateError,
  userNeedsTwoFactorEnrolment,
  verifySecondFactor,
} from '@/db/queries/auth/two-factor';
import { appSettings, auditLog, recoveryCodes, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';

const T0 = new Date('2025-03-03T09:00:05Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

let handle: DbHandle;
let db: Db;

async function createUser(role: 'admin' | 'staff' | 'committee' = 'staff') {
  const n = Math.random().toString(36).slice(2, 10);
  const [row] = await db.insert(users).values({ email: `u-${n}@example.org`, name: `User ${n}`, role }).returning();
  return row!;
}

async function auditActions(entityId: string) {
  const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

/** Enrols a user and returns the secret and the recovery codes. */
async function enrol(userId: string, now = T0) {
  const { secret } = await beginTotpEnrolment(db, { userId });
  const result = await confirmTotpEnrolment(db, { userId, code: await codeAt(secret, now), now });
  if (!result.ok) throw new Error(`enrolment failed: ${result.error}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

describe(`two-factor sign-in (${driverUnderTest})`, () => {
  beforeAll(async () => {
    process.env.AUTH_SECRET ??= 'integration-test-auth-secret-0123456789abcdef';
    handle = await createTestDatabase();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('starts enrolment with a QR code and keeps the secret only encrypted, not yet enabled', async () => {
    const user = await createUser();
    const enrolment = await beginTotpEnrolment(db, { userId: user.id });
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.otpauthUrl).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.otpauthUrl).toContain('issuer=Silk%20Road%20Cities%20M%26E');
    expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.totpEnabledAt).toBeNull();
    expect(row!.totpSecret).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(enrolment.secret);
    expect(await getTwoFactorStatus(db, { userId: user.id })).toMatchObject({ enabled: false, pending: true });
    expect((await getPendingTotpEnrolment(db, { userId: user.id }))?.secret).toBe(enrolment.secret);
  });

  it('refuses a wrong code, then enables with the right one and issues ten hashed recovery codes', async () => {
    const user = await createUser();
    const { secret } = await beginTotpEnrolment(db, { userId: user.id });
    const right = await codeAt(secret, T0);
    const window = await Promise.all([-30, 0, 30].map((s) => codeAt(secret, at(s))));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !window.includes(c))!;
    expect(await confirmTotpEnrolment(db, { userId: user.id, code: wrong, now: T0 })).toEqual({ ok: false, error: 'invalid_code' });
    expect(await confirmTotpEnrolment(db, { userId: user.id, code: await codeAt(secret, at(-120)), now: T0 })).toEqual({
      ok: false,
      error: 'invalid_code',
    });

    const result = await confirmTotpEnrolment(db, { userId: user.id, code: right, now: T0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    for (const code of result.recoveryCodes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);

    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    const dump = JSON.stringify(stored);
    for (const code of result.recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll('-', ''));
    }
    expect(await getTwoFactorStatus(db, { userId: user.id })).toMatchObject({ enabled: true, pending: false, unusedRecoveryCodes: 10 });
    expect(await auditActions(user.id)).toEqual(['auth.totp_enrolment_started', 'auth.totp_enabled']);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.totp_enabled')));
    expect(JSON.stringify(audit)).not.toContain(secret);

    await expect(beginTotpEnrolment(db, { userId: user.id })).rejects.toBeInstanceOf(TwoFactorStateError);
    expect(await confirmTotpEnrolment(db, { userId: user.id, code: right, now: T0 })).toEqual({ ok: false, error: 'not_enrolling' });
  });

  it('cancels a pending enrolment, but never two-factor that is already on', async () => {
    const user = await createUser();
    await beginTotpEnrolment(db, { userId: user.id });
    expect(await cancelTotpEnrolment(db, { userId: user.id })).toEqual({ cancelled: true });
    expect(await getTwoFactorStatus(db, { userId: user.id })).toMatchObject({ enabled: false, pending: false });
    await enrol(user.id, T0);
    expect(await cancelTotpEnrolment(db, { userId: user.id })).toEqual({ cancelled: false });
    expect(await getTwoFactorStatus(db, { userId: user.id })).toMatchObject({ enabled: true });
  });

  it('says not_enrolling when no enrolment was started', async () => {
    const user = await createUser();
    expect(await confirmTotpEnrolment(db, { userId: user.id, code: '123456', now: T0 })).toEqual({ ok: false, error: 'not_enrolling' });
  });

  it('accepts a current code within one step either way, and refuses a replayed or older one', async () => {
    const user = await createUser();
    const { secret } = await enrol(user.id, T0);
    // The enrolment code itself cannot be used to sign in.
    expect(await verifySecondFactor(db, { userId: user.id, code: await codeAt(secret, T0), now: T0 })).toEqual({ ok: false });

    const later = at(300);
    const code = await codeAt(secret, later);
    expect(await verifySecondFactor(db, { userId: user.id, code: `${code.slice(0, 3)} ${code.slice(3)}`, now: at(310) })).toEqual({
      ok: true,
      method: 'totp',
    });
    expect(await verifySecondFactor(db, { userId: user.id, code, now: at(310) })).toEqual({ ok: false }); // replay
    expect(await verifySecondFactor(db, { userId: user.id, code: await codeAt(secret, at(270)), now: at(300) })).toEqual({ ok: false }); // older step

    // One step of clock drift either way is accepted; two are not.
    expect(await verifySecondFactor(db, { userId: user.id, code: await codeAt(secret, at(600)), now: at(630) })).toMatchObject({ ok: true });
    expect(await verifySecondFactor(db, { userId: user.id, code: await codeAt(secret, at(690)), now: at(660) })).toMatchObject({ ok: true });
    expect(await verifySecondFactor(db, { userId: user.id, code: await codeAt(secret, at(900)), now: at(960) })).toEqual({ ok: false });

    const [marker] = await db.select().from(appSettings).where(eq(appSettings.key, totpLastStepKey(user.id)));
    expect(Number(marker!.value)).toBe(Math.floor(at(690).getTime() / 30_000));
  });

  it('accepts the same TOTP code only once under concurrency', async () => {
    const user = await createUser();
    const { secret } = await enrol(user.id, T0);
    const now = at(1200);
    const code = await codeAt(secret, now);
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(db, { userId: user.id, code, now })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('accepts each recovery code once, in any case and spacing, even when two uses race', async () => {
    const user = await createUser();
    const { recoveryCodes: codes } = await enrol(user.id, T0);
    const [first, second] = codes as [string, string];

    expect(await verifySecondFactor(db, { userId: user.id, code: first.toLowerCase().replaceAll('-', ' '), now: at(60) })).toEqual({
      ok: true,
      method: 'recovery',
    });
    expect(await verifySecondFactor(db, { userId: user.id, code: first, now: at(61) })).toEqual({ ok: false });

    const race = await Promise.all([
      verifySecondFactor(db, { userId: user.id, code: second, now: at(62) }),
      verifySecondFactor(db, { userId: user.id, code: second, now: at(62) }),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    expect(await countUnusedRecoveryCodes(db, { userId: user.id })).toBe(8);
    expect((await auditActions(user.id)).filter((a) => a === 'auth.recovery_code_used')).toHaveLength(2);

    // Another user's code, or garbage, never works.
    const other = await createUser();
    const { recoveryCodes: otherCodes } = await enrol(other.id, T0);
    expect(await verifySecondFactor(db, { userId: user.id, code: otherCodes[0]!, now: at(63) })).toEqual({ ok: false });
    expect(await verifySecondFactor(db, { userId: user.id, code: 'not-a-code', now: at(63) })).toEqual({ ok: false });
  });

  it('regenerates recovery codes, which retires the old ones', async () => {
    const user = await createUser();
    const { recoveryCodes: old } = await enrol(user.id, T0);
    const result = await regenerateRecoveryCodes(db, { userId: user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await verifySecondFactor(db, { userId: user.id, code: old[0]!, now: at(60) })).toEqual({ ok: false });
    expect(await verifySecondFactor(db, { userId: user.id, code: result.recoveryCodes[0]!, now: at(60) })).toMatchObject({ ok: true });
    expect(await countUnusedRecoveryCodes(db, { userId: user.id })).toBe(9);
    expect(await regenerateRecoveryCodes(db, { userId: (await createUser()).id })).toEqual({ ok: false, error: 'not_enabled' });
  });

  it('disables two-factor: secret, codes and replay marker gone, audited with the actor', async () => {
    const user = await createUser();
    const admin = await createUser('admin');
    const { secret, recoveryCodes: codes } = await enrol(user.id, T0);
    expect(await disableTotp(db, { userId: user.id, actorId: admin.id })).toEqual({ wasEnabled: true });

    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.totpSecret).toBeNull();
    expect(row!.totpEnabledAt).toBeNull();
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await db.select().from(appSettings).where(eq(appSettings.key, totpLastStepKey(user.id)))).toHaveLength(0);
    expect(await verifySecondFactor(db, { userId: user.id, code: await codeAt(secret, at(600)), now: at(600) })).toEqual({ ok: false });
    expect(await verifySecondFactor(db, { userId: user.id, code: codes[0]!, now: at(600) })).toEqual({ ok: false });

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.totp_disabled')));
    expect(audit!.actorId).toBe(admin.id);

    // It can be turned on again, with a new secret.
    const again = await enrol(user.id, at(900));
    expect(again.secret).not.toBe(secret);
  });

  it('round-trips the admin setting, auditing each change', async () => {
    const admin = await createUser('admin');
    expect(await adminsMustUseTwoFactor(db)).toBe(false);
    await setAdminsMustUseTwoFactor(db, { value: true, actorId: admin.id });
    expect(await adminsMustUseTwoFactor(db)).toBe(true);
    await setAdminsMustUseTwoFactor(db, { value: false, actorId: admin.id });
    expect(await adminsMustUseTwoFactor(db)).toBe(false);

    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, 'require_admin_2fa')).orderBy(auditLog.id);
    expect(rows.map((r) => ({ action: r.action, actor: r.actorId, before: r.before, after: r.after }))).toEqual([
      { action: 'settings.updated', actor: admin.id, before: { value: false }, after: { value: true } },
      { action: 'settings.updated', actor: admin.id, before: { value: true }, after: { value: false } },
    ]);
  });

  it('asks only admins without two-factor to enrol, and only when required', () => {
    expect(userNeedsTwoFactorEnrolment({ role: 'admin', totpEnabled: false }, true)).toBe(true);
    expect(userNeedsTwoFactorEnrolment({ role: 'admin', totpEnabled: true }, true)).toBe(false);
    expect(userNeedsTwoFactorEnrolment({ role: 'admin', totpEnabled: false }, false)).toBe(false);
    expect(userNeedsTwoFactorEnrolment({ role: 'staff', totpEnabled: false }, true)).toBe(false);
  });
});
