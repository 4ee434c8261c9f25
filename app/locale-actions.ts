'use server';

import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { writeAudit } from '@/db/queries/audit';
import { users } from '@/db/schema';
import { getCurrentUser } from '@/data/auth/session';
import { localeCookie, locales } from '@/lib/i18n/config';
import { isFormData } from '@/data/form-data';

const localeSchema = z.enum(locales);

/**
 * Public on purpose (the sign-in page has the switcher too): it sets a preference cookie and, for a signed-in
 * user, stores the choice with the user so it follows them to other browsers.
 */
export async function setLocaleAction(formData: FormData) {
  if (!isFormData(formData)) return;
  const parsed = localeSchema.safeParse(formData.get('locale'));
  if (!parsed.success) return;
  const locale = parsed.data;
  (await cookies()).set(localeCookie, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  const user = await getCurrentUser();
  if (user && user.locale !== locale) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx.update(users).set({ locale }).where(eq(users.id, user.id));
      await writeAudit(tx, {
        actorId: user.id,
        action: 'user.locale_changed',
        entityType: 'user',
        entityId: user.id,
        before: { locale: user.locale },
        after: { locale },
      });
    });
  }
  revalidatePath('/', 'layout');
}
