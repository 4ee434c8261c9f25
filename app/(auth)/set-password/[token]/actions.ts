'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db';
import { consumePasswordToken } from '@/db/queries/auth/tokens';
import { passwordPairSchema, tokenSchema } from '@/lib/validation/passwords';
import { isFormData, unreadableRequest } from '@/data/form-data';

export interface SetPasswordState {
  done?: boolean;
  message?: string;
  errors?: { password?: string[]; confirm?: string[] };
}

/** Public by design: the one-time token is the credential. It is checked, used once and only its hash is stored. */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const token = tokenSchema.safeParse(formData.get('token'));
  if (!token.success) return { message: t('setPassword.invalid') };
  const parsed = passwordPairSchema.safeParse({ password: formData.get('password'), confirm: formData.get('confirm') });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      errors: { password: fieldErrors.password?.map((k) => t(k)), confirm: fieldErrors.confirm?.map((k) => t(k)) },
    };
  }
  const result = await consumePasswordToken(await getDb(), { token: token.data, password: parsed.data.password });
  switch (result.status) {
    case 'ok':
      return { done: true, message: t('setPassword.done') };
    case 'weak':
      return { errors: { password: result.problems.map((k) => t(k)) } };
    default:
      return { message: t(`setPassword.${result.status}`) };
  }
}
