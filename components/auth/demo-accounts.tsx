import { getTranslations } from 'next-intl/server';
import { getDbHandle } from '@/db';
import { isDemoDatabase } from '@/db/queries/settings';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed/users';
import { demoModeOn } from '@/lib/demo-mode';

/** Only on the embedded demo database in demo mode: the accounts anyone may try. Never on a real deployment. */
export async function DemoAccounts() {
  if (!demoModeOn()) return null;
  const handle = await getDbHandle().catch(() => undefined);
  if (!handle || handle.driver !== 'pglite' || !(await isDemoDatabase(handle.db))) return null;
  const t = await getTranslations('auth');
  return (
    <section className="card" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('demoTitle')}</h2>
      <p>{t('demoIntro', { password: DEMO_PASSWORD })}</p>
      <ul>
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <code>{account.email}</code> — {t(`roles.${account.role}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
