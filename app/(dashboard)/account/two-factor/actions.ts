'use server';

import { z } from 'zod';
import { type ActionFailure, type Db, defineAction, defineFormAction, type Translator } from '@/data/action';
import type { Change } from '@/data/invalidate';
import { requestClientIp } from '@/lib/auth/client-ip';
import { beginTotpEnrolment, cancelTotpEnrolment, confirmTotpEnrolment, disableTotp, regenerateRecoveryCodes, TwoFactorStateError, verifyAccountSecondFactor } from '@/data/writes/account';
import type { CodePurpose } from '@/types/users';

const changed: Change[] = [{ kind: 'two-factor' }];

const codeSchema = z.object({
  code: z.string().trim().min(1, 'twoFactor.errors.codeRequired').max(64, 'twoFactor.errors.codeInvalid'),
});

/** The code forms: a code that does not parse is an error under the code, and never sent back. */
const codeForm = { policy: 'account.manage', schema: codeSchema, refill: false, invalidMessage: null } as const;

const codeError = (message: string): ActionFailure => ({ ok: false, message: '', errors: { code: [message] } });

/**
 * A fresh code before a change to two-factor itself, through the sign-in throttle (so it cannot be guessed
 * without limit from a stolen session); null when it is right, else the refusal to show.
 */
async function refuseCode(db: Db, t: Translator, userId: string, code: string, purpose: Exclude<CodePurpose, 'sign_in'>): Promise<ActionFailure | null> {
  const result = await verifyAccountSecondFactor(db, { userId, code, ip: await requestClientIp(), purpose });
  if (result.status === 'ok') return null;
  if (result.status === 'invalid') return codeError(t('twoFactor.errors.codeInvalid'));
  const minutes = Math.ceil(result.retryAfterSeconds / 60);
  return codeError(t(result.status === 'locked' ? 'auth.errors.locked' : 'auth.errors.rateLimited', { minutes }));
}

/** "Turn on" / "Start over": a fresh secret; the page then shows its QR code. The form is just a button. */
export const beginTotpEnrolmentAction = defineFormAction({
  policy: 'account.manage',
  schema: z.object({}),
  body: async ({ db, actor }) => {
    try {
      await beginTotpEnrolment(db, { userId: actor.id });
    } catch (error) {
      // Already on (say, from another tab): the page shows the current state.
      if (!(error instanceof TwoFactorStateError)) throw error;
    }
    return { ok: true, invalidate: changed };
  },
});

/** Abandons a set-up in progress. Refuses to touch two-factor that is already on (that needs a code). */
export const cancelTotpEnrolmentAction = defineFormAction({
  policy: 'account.manage',
  schema: z.object({}),
  body: async ({ db, actor }) => {
    await cancelTotpEnrolment(db, { userId: actor.id });
    return { ok: true, invalidate: changed };
  },
});

/**
 * Confirms the set-up with a code. No invalidation here: the client shows the recovery codes once, then
 * refreshes the page when the user says they have saved them.
 */
export const confirmTotpEnrolmentAction = defineAction({
  ...codeForm,
  body: async ({ db, actor, input, t }) => {
    const result = await confirmTotpEnrolment(db, { userId: actor.id, code: input.code });
    if (result.ok) return { ok: true, recoveryCodes: result.recoveryCodes };
    if (result.error === 'not_enrolling') return { ok: false, message: t('twoFactor.errors.notEnrolling') };
    return codeError(t('twoFactor.errors.codeInvalid'));
  },
});

/** New recovery codes, after a fresh second factor (a stolen session alone cannot mint a way around 2FA). */
export const regenerateRecoveryCodesAction = defineAction({
  ...codeForm,
  body: async ({ db, actor, input, t }) => {
    const refused = await refuseCode(db, t, actor.id, input.code, 'recovery_codes');
    if (refused) return refused;
    const result = await regenerateRecoveryCodes(db, { userId: actor.id });
    if (result.ok) return { ok: true, recoveryCodes: result.recoveryCodes };
    return { ok: false, message: t('twoFactor.errors.notEnabled') };
  },
});

/** Turns two-factor off after a fresh second factor (authenticator or recovery code). */
export const disableTotpAction = defineAction({
  ...codeForm,
  body: async ({ db, actor, input, t }) => {
    const refused = await refuseCode(db, t, actor.id, input.code, 'disable_totp');
    if (refused) return refused;
    await disableTotp(db, { userId: actor.id, actorId: actor.id });
    return { ok: true, done: true, message: t('twoFactor.turnedOff'), invalidate: changed };
  },
});
