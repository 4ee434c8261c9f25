import { getTranslations } from 'next-intl/server';
import { SetPasswordForm } from '@/components/account/set-password-form';
import { loadPasswordToken } from '@/data/auth/password-tokens';
import { tokenSchema } from '@/lib/validation/passwords';
import { setPasswordAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('setPassword');
  return { title: t('title'), referrer: 'no-referrer' };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('setPassword');
  const parsed = tokenSchema.safeParse(token);
  const state = parsed.success ? await loadPasswordToken(parsed.data) : ({ status: 'invalid' } as const);
  return (
    <>
      <h1>{t('title')}</h1>
      {state.status === 'valid' ? (
        <>
          <p className="muted">{t('intro', { email: state.email })}</p>
          <div className="card">
            <SetPasswordForm action={setPasswordAction} token={token} />
          </div>
        </>
      ) : (
        <p className="card" role="status">
          {t(state.status)}
        </p>
      )}
    </>
  );
}
