'use server';

import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { audit } from '@/db/queries/audit';
import { users } from '@/db/schema';
import { defineFormAction } from '@/data/action';
import { localeCookie, locales } from '@/lib/i18n/config';

/**
 * Public on purpose (the sign-in page has the switcher too): it sets a preference cookie and, for a signed-in
 * user, stores the choice with the user so it follows them to other browsers.
 */
export const setLocaleAction = defineFormAction({
  policy: { public: 'the sign-in page has the language switcher too; it sets a preference cookie' },
  schema: z.object({ locale: z.enum(locales) }),
  refill: false,
  body: async ({ db, actor, input: { locale } }) => {
    (await cookies()).set(localeCookie, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    if (actor && actor.locale !== locale) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ locale }).where(eq(users.id, actor.id));
        await audit(tx, 'user.locale_changed', ['user', actor.id], actor.id, {
          before: { locale: actor.locale },
          after: { locale },
        });
      });
    }
    return { ok: true, invalidate: [{ kind: 'locale' }] };
  },
});
