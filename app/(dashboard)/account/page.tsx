import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { requirePageUser } from '@/data/auth/session';
import { changePasswordAction, signOutEverywhereAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requirePageUser('account.manage');
  const t = await getTranslations();
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="muted">
        {t('account.details', { name: user.name, email: user.email, role: t(`auth.roles.${user.role}`) })}
      </p>
      <section className="card" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('account.changePasswordTitle')}</h2>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
      <section className="card" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">{t('account.twoFactorLink')}</h2>
        <p>
          <Link href="/account/two-factor">{t('account.twoFactorLink')}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="sign-out-everywhere-title">
        <h2 id="sign-out-everywhere-title">{t('account.signOutEverywhereTitle')}</h2>
        <p>{t('account.signOutEverywhereBody')}</p>
        <form action={signOutEverywhereAction}>
          <button className="button" type="submit">
            {t('account.signOutEverywhere')}
          </button>
        </form>
      </section>
    </>
  );
}
