import { Link } from '@/components/ui/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { ApiTokenTable, tokenTableText } from '@/components/account/api-token-table';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { RevokeTokenButton } from '@/components/account/revoke-token-button';
import { loadOwnApiTokens } from '@/data/api-tokens';
import { requirePageUser } from '@/data/auth/session';
import { mayIssueTokenScope } from '@/lib/auth/policy';
import { formatDateTime } from '@/lib/format';
import { changePasswordAction, signOutEverywhereAction } from './actions';
import { createApiTokenAction, revokeApiTokenAction } from './token-actions';

export async function generateMetadata() {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requirePageUser('account.manage');
  const [t, locale, timeZone, tokens] = await Promise.all([getTranslations(), getLocale(), getTimeZone(), loadOwnApiTokens()]);
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
      <section className="card" aria-labelledby="api-tokens-title">
        <h2 id="api-tokens-title">{t('api.tokens.title')}</h2>
        <p>{t('api.tokens.intro')}</p>
        <p>
          <Link href="/api-docs">{t('api.tokens.docsLink')}</Link>
        </p>
        <CreateTokenForm action={createApiTokenAction} canWrite={mayIssueTokenScope(user.role, 'write')} />
        {tokens.length === 0 ? (
          <p className="muted">{t('api.tokens.none')}</p>
        ) : (
          <ApiTokenTable
            rows={tokens}
            text={tokenTableText(t)}
            now={new Date()}
            formatTime={(d) => formatDateTime(locale, d, timeZone)}
            revoke={(row, active) => <RevokeTokenButton active={active} action={revokeApiTokenAction} tokenId={row.id} name={row.name} />}
          />
        )}
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
