'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { signOut } from '@/auth';
import { getDb } from '@/db';
import { changeOwnPassword, signOutEverywhere } from '@/db/queries/auth/account';
import { requestClientIp } from '@/lib/auth/client-ip';
import { requireActionUser } from '@/data/auth/session';
import { passwordPairSchema } from '@/lib/validation/passwords';
import { isFormData, unreadableRequest } from '@/data/form-data';

export interface ChangePasswordState {
  message?: string;
  errors?: { current?: string[]; password?: string[]; confirm?: string[] };
}

const changePasswordSchema = z
  .object({ current: z.string().min(1, 'password.required').max(1024, 'password.tooLong') })
  .and(passwordPairSchema);

export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const user = await requireActionUser('account.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = changePasswordSchema.safeParse({
    current: formData.get('current'),
    password: formData.get('password'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) {
    const e = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return {
      errors: {
        current: e.current?.map((k) => t(k)),
        password: e.password?.map((k) => t(k)),
        confirm: e.confirm?.map((k) => t(k)),
      },
    };
  }
  const result = await changeOwnPassword(await getDb(), {
    userId: user.id,
    currentPassword: parsed.data.current,
    newPassword: parsed.data.password,
    ip: await requestClientIp(),
  });
  if (result.status === 'wrong_current') return { errors: { current: [t('account.wrongCurrent')] } };
  if (result.status === 'locked') {
    return { errors: { current: [t('auth.errors.locked', { minutes: Math.ceil(result.retryAfterSeconds / 60) })] } };
  }
  if (result.status === 'weak') return { errors: { password: result.problems.map((k) => t(k)) } };
  // The session version was bumped, so this session is no longer valid either: sign in again.
  await signOut({ redirectTo: '/sign-in' });
  return { message: t('account.passwordChanged') };
}

export async function signOutEverywhereAction() {
  const user = await requireActionUser('account.manage');
  await signOutEverywhere(await getDb(), { userId: user.id, actorId: user.id });
  await signOut({ redirectTo: '/sign-in' });
}
