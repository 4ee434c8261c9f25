'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { signIn } from '@/auth';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { isFormData, unreadableRequest } from '@/data/form-data';

export interface SignInState {
  /** 'code': the password was right and the account asks for its two-factor code next. */
  step?: 'password' | 'code';
  message?: string;
  errors?: { email?: string[]; password?: string[]; code?: string[] };
  email?: string;
}

const passwordStep = z.object({
  email: z.string().trim().min(1, 'auth.errors.emailRequired').max(320, 'auth.errors.emailRequired'),
  password: z.string().min(1, 'auth.errors.passwordRequired').max(1024, 'auth.errors.passwordRequired'),
});
const codeStep = z.object({ code: z.string().trim().min(1, 'auth.errors.codeRequired').max(64, 'auth.errors.codeRequired') });

/** "locked:120" → ['locked', 2 minutes] */
function parseRefusal(error: AuthError): [string, number] {
  const code = error instanceof CredentialsSignin ? error.code : 'invalid';
  const [reason = 'invalid', seconds] = code.split(':');
  return [reason, Math.max(1, Math.ceil(Number(seconds ?? 60) / 60))];
}

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const redirectTo = safeCallbackUrl(formData.get('callbackUrl'));
  const isCodeStep = formData.has('code');
  const email = String(formData.get('email') ?? '').slice(0, 320);
  const step = isCodeStep ? 'code' : 'password';

  const parsed = isCodeStep
    ? codeStep.safeParse({ code: formData.get('code') })
    : passwordStep.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error as z.ZodError).fieldErrors as Record<string, string[] | undefined>;
    const translate = (keys?: string[]) => keys?.map((key) => t(key));
    return { step, email, errors: { email: translate(fields.email), password: translate(fields.password), code: translate(fields.code) } };
  }
  try {
    await signIn('credentials', { ...parsed.data, redirectTo });
    return {};
  } catch (error) {
    // A successful sign-in "throws" a redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    const [reason, minutes] = parseRefusal(error);
    switch (reason) {
      case 'second_factor':
        return { step: 'code', email };
      case 'challenge_expired':
        return { step: 'password', email, message: t('auth.errors.challengeExpired') };
      case 'locked':
        return { step, email, message: t('auth.errors.locked', { minutes }) };
      case 'rate_limited':
        return { step, email, message: t('auth.errors.rateLimited', { minutes }) };
      default:
        return isCodeStep
          ? { step, email, errors: { code: [t('auth.errors.invalidCode')] } }
          : { step, email, message: t('auth.errors.invalid') };
    }
  }
}
