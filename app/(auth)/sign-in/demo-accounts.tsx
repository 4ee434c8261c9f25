import { getTranslations } from 'next-intl/server';
import { demoAccounts } from '@/data/demo';

/** Only on the embedded demo database in demo mode: the accounts anyone may try. Never on a real deployment. */
export async function DemoAccounts() {
  const demo = await demoAccounts();
  if (!demo) return null;
  const t = await getTranslations('auth');
  return (
    <section className="card" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('demoTitle')}</h2>
      <p>{t('demoIntro', { password: demo.password })}</p>
      <ul>
        {demo.accounts.map((account) => (
          <li key={account.email}>
            <code>{account.email}</code> — {t(`roles.${account.role}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
