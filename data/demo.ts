import 'server-only';
import { getDbHandle } from '@/db';
import { isDemoDatabase } from '@/db/queries/settings';
import { sealed } from '@/data/view-seal';
import { demoSettingsView } from '@/data/views';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/users';
import { demoModeOn } from '@/lib/demo-mode';

/** On the demo database, its as-of date (or '' when it stores none); null on a real one or with no database yet. */
export async function demoBannerDate(): Promise<string | null> {
  const settings = await demoSettingsView(...sealed()).catch(() => undefined);
  if (!settings?.demo) return null;
  return settings.asOf ?? '';
}

/** Only on the embedded demo database in demo mode: the accounts anyone may try. Never on a real deployment. */
export async function demoAccounts(): Promise<{ password: string; accounts: readonly { email: string; role: string }[] } | null> {
  if (!demoModeOn()) return null;
  const handle = await getDbHandle().catch(() => undefined);
  if (!handle || handle.driver !== 'pglite' || !(await isDemoDatabase(handle.db))) return null;
  return { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
