'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { setAdminsMustUseTwoFactor } from '@/db/queries/auth/two-factor';
import { requireActionUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';

export interface AdminSettingsState {
  message?: string;
  requireAdmin2fa?: boolean;
}

// An unchecked checkbox is simply absent from the form data.
const settingsSchema = z.object({ requireAdmin2fa: z.literal('on').optional() });

export async function saveAdminSettingsAction(_previous: AdminSettingsState, formData: FormData): Promise<AdminSettingsState> {
  const actor = await requireActionUser('settings.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const parsed = settingsSchema.safeParse({ requireAdmin2fa: formData.get('requireAdmin2fa') ?? undefined });
  const t = await getTranslations('adminSettings');
  if (!parsed.success) return { message: t('invalid') };
  const value = parsed.data.requireAdmin2fa === 'on';
  await setAdminsMustUseTwoFactor(await getDb(), { value, actorId: actor.id });
  revalidatePath('/admin/settings');
  return { message: t('saved'), requireAdmin2fa: value };
}
