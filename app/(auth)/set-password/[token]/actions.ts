'use server';

import { z } from 'zod';
import { defineAction, fieldErrors } from '@/data/action';
import { passwordPairSchema, tokenSchema } from '@/lib/validation/passwords';
import { consumePasswordToken } from '@/data/writes/account';

const setPasswordForm = z.object({ token: z.unknown(), password: z.unknown(), confirm: z.unknown() });

/** Public by design: the one-time token is the credential. It is checked, used once and only its hash is stored. */
export const setPasswordAction = defineAction({
  policy: { public: 'the one-time token in the form is the credential' },
  schema: setPasswordForm,
  refill: false,
  body: async ({ db, input, t }) => {
    const token = tokenSchema.safeParse(input.token);
    if (!token.success) return { ok: false, message: t('setPassword.invalid') };
    const parsed = passwordPairSchema.safeParse({ password: input.password, confirm: input.confirm });
    if (!parsed.success) return { ok: false, message: '', errors: fieldErrors(t, parsed.error) };
    const result = await consumePasswordToken(db, { token: token.data, password: parsed.data.password });
    switch (result.status) {
      case 'ok':
        return { ok: true, done: true, message: t('setPassword.done') };
      case 'weak':
        return { ok: false, message: '', errors: { password: result.problems.map((k) => t(k)) } };
      default:
        return { ok: false, message: t(`setPassword.${result.status}`) };
    }
  },
});
