import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TwoFactorCodeForm } from '@/components/account/two-factor-code-form';
import { TwoFactorEnrol } from '@/components/account/two-factor-enrol';
import { loadOwnTwoFactor } from '@/data/auth/two-factor';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { requirePageUser } from '@/data/auth/session';
import {
  beginTotpEnrolmentAction,
  cancelTotpEnrolmentAction,
  confirmTotpEnrolmentAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
} from './actions';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** With two-factor sign-in on: what a current code (or a recovery code) confirms. */
const codeActions = [
  { id: 'regenerate', action: regenerateRecoveryCodesAction, title: 'regenerateTitle', body: 'regenerateBody', submit: 'regenerate' },
  { id: 'turn-off', action: disableTotpAction, title: 'turnOffTitle', body: 'turnOffBody', submit: 'turnOff' },
] as const;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata() {
  const t = await getTranslations('twoFactor');
  return { title: t('title') };
}

/**
 * One's own two-factor sign-in: status, set-up (QR code, key, confirmation, recovery codes shown once), new
 * recovery codes, turning it off. `?required=1` (sent by sign-in when admins must use two-factor) adds a
 * notice, and after set-up continues to `callbackUrl`.
 */
export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser('account.manage');
  const params = await searchParams;
  const required = first(params.required) === '1';
  const continueHref = required ? safeCallbackUrl(first(params.callbackUrl)) : undefined;
  const { status, pending } = await loadOwnTwoFactor();
  const t = await getTranslations('twoFactor');
  const format = await getFormatter();

  return (
    <>
      <h1>{t('title')}</h1>
      {required && !status.enabled ? (
        <div className="card" role="status">
          <strong>{t('requiredNotice')}</strong>
        </div>
      ) : null}
      <p className="muted">{t('intro')}</p>

      <section className="card" aria-labelledby="two-factor-status-title">
        <h2 id="two-factor-status-title">{t('statusTitle')}</h2>
        {status.enabled && status.enabledAt ? (
          <>
            <p>{t('statusOn', { date: format.dateTime(status.enabledAt, { dateStyle: 'long' }) })}</p>
            <p>{t('recoveryLeft', { count: status.unusedRecoveryCodes })}</p>
          </>
        ) : (
          <p>{pending ? t('statusPending') : t('statusOff')}</p>
        )}
      </section>

      {status.enabled ? (
        codeActions.map((c) => (
          <section key={c.id} className="card" aria-labelledby={`${c.id}-title`}>
            <h2 id={`${c.id}-title`}>{t(c.title)}</h2>
            <p>{t(c.body)}</p>
            <TwoFactorCodeForm action={c.action} id={c.id} label={t('turnOffCodeLabel')} submitLabel={t(c.submit)} allowRecoveryCode />
          </section>
        ))
      ) : pending ? (
        <TwoFactorEnrol
          qrDataUrl={`data:image/svg+xml;base64,${Buffer.from(pending.qrSvg, 'utf8').toString('base64')}`}
          secret={pending.secret}
          confirmAction={confirmTotpEnrolmentAction}
          restartAction={beginTotpEnrolmentAction}
          cancelAction={cancelTotpEnrolmentAction}
          continueHref={continueHref}
        />
      ) : (
        <section className="card" aria-labelledby="turn-on-title">
          <h2 id="turn-on-title">{t('turnOnTitle')}</h2>
          <p>{t('turnOnBody')}</p>
          <form action={beginTotpEnrolmentAction}>
            <button className="button" type="submit">
              {t('turnOn')}
            </button>
          </form>
        </section>
      )}

      <p>
        <Link href="/account">{t('backToAccount')}</Link>
      </p>
    </>
  );
}
