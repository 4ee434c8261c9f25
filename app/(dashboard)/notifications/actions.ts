'use server';

import { defineAction } from '@/data/action';
import { isNotificationKind, notificationKinds } from '@/lib/notifications/kinds';
import { emailChoicesSchema, markReadSchema } from '@/lib/validation/cycle';
import { markRead, saveEmailChoices } from '@/data/writes/account';

/** One's own notifications ('account.manage'): mark read, and choose e-mail per kind and the language of e-mails. */

export const markReadAction = defineAction({
  policy: 'account.manage',
  schema: markReadSchema,
  invalidMessage: 'notifications.invalid',
  body: async ({ db, actor, input, t }) => {
    const ids = input.ids === 'all' ? 'all' : input.ids.split(',').map(Number);
    await markRead(db, actor.id, ids);
    return { ok: true, message: t('notifications.marked'), invalidate: [{ kind: 'notification' }] };
  },
});

export const saveEmailChoicesAction = defineAction({
  policy: 'account.manage',
  schema: emailChoicesSchema,
  multi: ['email'],
  invalidMessage: 'notifications.invalid',
  body: async ({ db, actor, input, t }) => {
    const chosen = new Set(input.email.filter(isNotificationKind));
    const email = Object.fromEntries(notificationKinds.map((k) => [k, chosen.has(k)]));
    await saveEmailChoices(db, actor.id, { email, locale: input.locale });
    return { ok: true, message: t('notifications.saved'), invalidate: [{ kind: 'notification' }] };
  },
});
