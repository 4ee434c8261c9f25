'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { markRead, saveEmailChoices } from '@/db/queries/notifications/read';
import type { SimpleActionState } from '@/components/updates/action-form';
import { requireActionUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';
import { isNotificationKind, notificationKinds } from '@/lib/notifications/kinds';
import { emailChoicesSchema, markReadSchema } from '@/lib/validation/cycle';

/** One's own notifications: mark read, and choose e-mail per kind and the language of e-mails. */

export async function markReadAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const user = await requireActionUser('account.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = markReadSchema.safeParse({ ids: formData.get('ids') ?? undefined });
  if (!parsed.success) return { ok: false, message: t('notifications.invalid') };
  const ids = parsed.data.ids === 'all' ? 'all' : parsed.data.ids.split(',').map(Number);
  await markRead(await getDb(), user.id, ids);
  revalidatePath('/', 'layout');
  return { ok: true, message: t('notifications.marked') };
}

export async function saveEmailChoicesAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const user = await requireActionUser('account.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = emailChoicesSchema.safeParse({ locale: formData.get('locale') ?? undefined, email: formData.getAll('email').filter((v) => typeof v === 'string') });
  if (!parsed.success) return { ok: false, message: t('notifications.invalid'), errors: { locale: [t('notifications.invalid')] } };
  const chosen = new Set(parsed.data.email.filter(isNotificationKind));
  const email = Object.fromEntries(notificationKinds.map((k) => [k, chosen.has(k)]));
  await saveEmailChoices(await getDb(), user.id, { email, locale: parsed.data.locale });
  revalidatePath('/notifications');
  return { ok: true, message: t('notifications.saved') };
}
