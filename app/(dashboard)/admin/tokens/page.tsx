import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { ApiTokenTable, tokenTableText } from '@/components/account/api-token-table';
import { RevokeTokenButton } from '@/components/account/revoke-token-button';
import { loadLiveApiTokens } from '@/data/api-tokens';
import { requirePageUser } from '@/data/auth/session';
import { formatDateTime } from '@/lib/format';
import { adminRevokeApiTokenAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('api.tokens');
  return { title: t('adminTitle') };
}

/** Every live personal access token, with its owner; admins revoke any of them. */
export default async function AdminTokensPage() {
  await requirePageUser('users.manage');
  const [t, locale, timeZone, tokens] = await Promise.all([getTranslations(), getLocale(), getTimeZone(), loadLiveApiTokens()]);
  return (
    <>
      <h1>{t('api.tokens.adminTitle')}</h1>
      <p className="muted">{t('api.tokens.adminIntro')}</p>
      {tokens.length === 0 ? (
        <p>{t('api.tokens.adminNone')}</p>
      ) : (
        <ApiTokenTable
          rows={tokens.map((r) => ({ ...r, owner: `${r.ownerName} <${r.ownerEmail}>` }))}
          text={tokenTableText(t)}
          now={new Date()}
          formatTime={(d) => formatDateTime(locale, d, timeZone)}
          revoke={(row, active) => <RevokeTokenButton active={active} action={adminRevokeApiTokenAction} tokenId={row.id} name={row.name} />}
        />
      )}
    </>
  );
}
