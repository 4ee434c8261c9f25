import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { DemoAccounts } from './demo-accounts';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { getCurrentUser } from '@/data/auth/session';
import { signInAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackUrl(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl);
  if (await getCurrentUser()) redirect(destination);
  const t = await getTranslations('auth');
  return (
    <>
      <h1>{t('signInTitle')}</h1>
      <p className="muted">{t('signInIntro')}</p>
      <div className="card">
        <SignInForm action={signInAction} callbackUrl={destination} />
      </div>
      <DemoAccounts />
    </>
  );
}
