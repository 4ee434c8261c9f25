import { eq } from 'drizzle-orm';
import type { Locale } from '@/lib/i18n/config';
import type { Db } from '../../client';
import { users } from '../../schema';
import { audit } from '../audit';

/** Stores a user's choice of language (it follows them to other browsers), with its audit row in one transaction. */
export async function setOwnLocale(db: Db, input: { userId: string; from: Locale | null; to: Locale }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale: input.to }).where(eq(users.id, input.userId));
    await audit(tx, 'user.locale_changed', ['user', input.userId], input.userId, { before: { locale: input.from }, after: { locale: input.to } });
  });
}
