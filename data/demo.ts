import 'server-only';
import { getDb, getDbHandle } from '@/db';
import { getStoredAsOfDate, isDemoDatabase } from '@/db/queries/settings';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/users';
import { demoModeOn } from '@/lib/demo-mode';

/** On the demo database, its as-of date (or '' when it stores none); null on a real one or with no database yet. */
export async function demoBannerDate(): Promise<string | null> {
  const db = await getDb().catch(() => undefined);
  if (!db || !(await isDemoDatabase(db))) return null;
  return (await getStoredAsOfDate(db)) ?? '';
}

/** Only on the embedded demo database in demo mode: the accounts anyone may try. Never on a real deployment. */
export async function demoAccounts(): Promise<{ password: string; accounts: readonly { email: string; role: string }[] } | null> {
  if (!demoModeOn()) return null;
  const handle = await getDbHandle().catch(() => undefined);
  if (!handle || handle.driver !== 'pglite' || !(await isDemoDatabase(handle.db))) return null;
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
