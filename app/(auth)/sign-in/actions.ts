'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { defineAction, fieldErrors, type Outcome } from '@/data/action';
import type { SignInState } from '@/types/forms';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

const signInForm = z.object({ email: z.unknown(), password: z.unknown(), code: z.unknown(), callbackUrl: z.unknown() });
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

/** Public by design: signing in is how a visitor becomes a user. The password step, then (if enrolled) the code step. */
export const signInAction = defineAction({
  policy: { public: 'signing in is how a visitor becomes a user' },
  schema: signInForm,
  refill: false,
  body: async ({ input, formData, t }): Promise<Outcome & SignInState> => {
    const redirectTo = safeCallbackUrl(input.callbackUrl);
    const isCodeStep = formData.has('code');
    const email = String(input.email ?? '').slice(0, 320);
    const step: SignInState['step'] = isCodeStep ? 'code' : 'password';
    const parsed = isCodeStep ? codeStep.safeParse({ code: input.code }) : passwordStep.safeParse({ email: input.email, password: input.password });
    if (!parsed.success) return { ok: false, message: '', step, email, errors: fieldErrors(t, parsed.error as z.ZodError) };
    try {
      await signIn('credentials', { ...parsed.data, redirectTo });
      return { ok: true };
    } catch (error) {
      // A successful sign-in "throws" a redirect, which must propagate.
      if (!(error instanceof AuthError)) throw error;
      const [reason, minutes] = parseRefusal(error);
      switch (reason) {
        case 'second_factor':
          return { ok: false, message: '', step: 'code', email };
        case 'challenge_expired':
          return { ok: false, step: 'password', email, message: t('auth.errors.challengeExpired') };
        case 'locked':
          return { ok: false, step, email, message: t('auth.errors.locked', { minutes }) };
        case 'rate_limited':
          return { ok: false, step, email, message: t('auth.errors.rateLimited', { minutes }) };
        default:
          return isCodeStep
            ? { ok: false, message: '', step, email, errors: { code: [t('auth.errors.invalidCode')] } }
            : { ok: false, step, email, message: t('auth.errors.invalid') };
      }
    }
  },
});
