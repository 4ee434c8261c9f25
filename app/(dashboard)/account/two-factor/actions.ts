'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import {
  beginTotpEnrolment,
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  TwoFactorStateError,
} from '@/db/queries/auth/two-factor';
import { verifyAccountSecondFactor, type CodePurpose } from '@/db/queries/auth/second-factor-sign-in';
import { requestClientIp } from '@/lib/auth/client-ip';
import { requireActionUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';

const PAGE = '/account/two-factor';

/** State of the code forms: field errors, or the recovery codes to show once, or a done message. */
export interface TwoFactorCodeState {
  errors?: { code?: string[] };
  message?: string;
  recoveryCodes?: string[];
  done?: boolean;
}

const codeSchema = z.object({
  code: z.string().trim().min(1, 'twoFactor.errors.codeRequired').max(64, 'twoFactor.errors.codeInvalid'),
});

type Parsed = { ok: true; code: string } | { ok: false; state: TwoFactorCodeState };

async function parseCode(formData: FormData): Promise<Parsed> {
  const parsed = codeSchema.safeParse({ code: formData.get('code') ?? '' });
  if (parsed.success) return { ok: true, code: parsed.data.code };
  const t = await getTranslations();
  return { ok: false, state: { errors: { code: z.flattenError(parsed.error).fieldErrors.code?.map((key) => t(key)) } } };
}

/**
 * A fresh code before a change to two-factor itself, through the sign-in throttle (so it cannot be guessed
 * without limit from a stolen session); null when it is right, else the state to show.
 */
async function refuseCode(userId: string, code: string, purpose: Exclude<CodePurpose, 'sign_in'>): Promise<TwoFactorCodeState | null> {
  const result = await verifyAccountSecondFactor(await getDb(), { userId, code, ip: await requestClientIp(), purpose });
  if (result.status === 'ok') return null;
  const t = await getTranslations();
  if (result.status === 'invalid') return { errors: { code: [t('twoFactor.errors.codeInvalid')] } };
  const minutes = Math.ceil(result.retryAfterSeconds / 60);
  return { errors: { code: [t(result.status === 'locked' ? 'auth.errors.locked' : 'auth.errors.rateLimited', { minutes })] } };
}

async function invalidCode(): Promise<TwoFactorCodeState> {
  const t = await getTranslations();
  return { errors: { code: [t('twoFactor.errors.codeInvalid')] } };
}

/** "Turn on" / "Start over": a fresh secret; the page then shows its QR code. */
export async function beginTotpEnrolmentAction(_formData: FormData): Promise<void> {
  const user = await requireActionUser('account.manage'); // No input to parse: the form is just a button.
  if (!isFormData(_formData)) return;
  try {
    await beginTotpEnrolment(await getDb(), { userId: user.id });
  } catch (error) {
    // Already on (say, from another tab): the page shows the current state.
    if (!(error instanceof TwoFactorStateError)) throw error;
  }
  revalidatePath(PAGE);
}

/** Abandons a set-up in progress. Refuses to touch two-factor that is already on (that needs a code). */
export async function cancelTotpEnrolmentAction(_formData: FormData): Promise<void> {
  const user = await requireActionUser('account.manage'); // No input to parse: the form is just a button.
  if (!isFormData(_formData)) return;
  await cancelTotpEnrolment(await getDb(), { userId: user.id });
  revalidatePath(PAGE);
}

/**
 * Confirms the set-up with a code. No revalidation here: the client shows the recovery codes once, then
 * refreshes the page when the user says they have saved them.
 */
export async function confirmTotpEnrolmentAction(_previous: TwoFactorCodeState, formData: FormData): Promise<TwoFactorCodeState> {
  const user = await requireActionUser('account.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const parsed = await parseCode(formData);
  if (!parsed.ok) return parsed.state;
  const result = await confirmTotpEnrolment(await getDb(), { userId: user.id, code: parsed.code });
  if (result.ok) return { recoveryCodes: result.recoveryCodes };
  if (result.error === 'not_enrolling') {
    const t = await getTranslations();
    return { message: t('twoFactor.errors.notEnrolling') };
  }
  return invalidCode();
}

/** New recovery codes, after a fresh second factor (a stolen session alone cannot mint a way around 2FA). */
export async function regenerateRecoveryCodesAction(_previous: TwoFactorCodeState, formData: FormData): Promise<TwoFactorCodeState> {
  const user = await requireActionUser('account.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const parsed = await parseCode(formData);
  if (!parsed.ok) return parsed.state;
  const refused = await refuseCode(user.id, parsed.code, 'recovery_codes');
  if (refused) return refused;
  const result = await regenerateRecoveryCodes(await getDb(), { userId: user.id });
  if (result.ok) return { recoveryCodes: result.recoveryCodes };
  const t = await getTranslations();
  return { message: t('twoFactor.errors.notEnabled') };
}

/** Turns two-factor off after a fresh second factor (authenticator or recovery code). */
export async function disableTotpAction(_previous: TwoFactorCodeState, formData: FormData): Promise<TwoFactorCodeState> {
  const user = await requireActionUser('account.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const parsed = await parseCode(formData);
  if (!parsed.ok) return parsed.state;
  const refused = await refuseCode(user.id, parsed.code, 'disable_totp');
  if (refused) return refused;
  await disableTotp(await getDb(), { userId: user.id, actorId: user.id });
  revalidatePath(PAGE);
  const t = await getTranslations();
  return { done: true, message: t('twoFactor.turnedOff') };
}
