'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { defineFormAction } from '@/data/action';
import { setOwnLocale } from '@/data/writes/session';
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
      await setOwnLocale(db, { userId: actor.id, from: actor.locale, to: locale });
    }
    return { ok: true, invalidate: [{ kind: 'locale' }] };
  },
});
