'use server';

import { z } from 'zod';
import { defineAction } from '@/data/action';
import { setAdminsMustUseTwoFactor } from '@/data/writes/admin';

// An unchecked checkbox is simply absent from the form data.
const settingsSchema = z.object({ requireAdmin2fa: z.literal('on').nullable() });

export const saveAdminSettingsAction = defineAction({
  policy: 'settings.manage',
  schema: settingsSchema,
  invalidMessage: 'adminSettings.invalid',
  refill: false,
  body: async ({ db, actor, input, t }) => {
    const value = input.requireAdmin2fa === 'on';
    await setAdminsMustUseTwoFactor(db, { value, actorId: actor.id });
    return { ok: true, message: t('adminSettings.saved'), requireAdmin2fa: value, invalidate: [{ kind: 'settings' }] };
  },
});
