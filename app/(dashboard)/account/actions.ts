'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { defineAction, defineFormAction } from '@/data/action';
import { requestClientIp } from '@/lib/auth/client-ip';
import { passwordPairSchema } from '@/lib/validation/passwords';
import { changeOwnPassword, signOutEverywhere } from '@/data/writes/account';

const changePasswordSchema = z
  .object({ current: z.string().min(1, 'password.required').max(1024, 'password.tooLong') })
  .and(passwordPairSchema);

export const changePasswordAction = defineAction({
  policy: 'account.manage',
  schema: changePasswordSchema,
  fields: ['current', 'password', 'confirm'],
  invalidMessage: null,
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const result = await changeOwnPassword(db, { userId: actor.id, currentPassword: input.current, newPassword: input.password, ip: await requestClientIp() });
    if (result.status === 'wrong_current') return { ok: false, message: '', errors: { current: [t('account.wrongCurrent')] } };
    if (result.status === 'locked') {
      return { ok: false, message: '', errors: { current: [t('auth.errors.locked', { minutes: Math.ceil(result.retryAfterSeconds / 60) })] } };
    }
    if (result.status === 'weak') return { ok: false, message: '', errors: { password: result.problems.map((k) => t(k)) } };
    // The session version was bumped, so this session is no longer valid either: sign in again.
    await signOut({ redirectTo: '/sign-in' });
    return { ok: true, message: t('account.passwordChanged') };
  },
});

export const signOutEverywhereAction = defineFormAction({
  policy: 'account.manage',
  schema: z.object({}),
  body: async ({ db, actor }) => {
    await signOutEverywhere(db, { userId: actor.id, actorId: actor.id });
    await signOut({ redirectTo: '/sign-in' });
    return { ok: true };
  },
});
