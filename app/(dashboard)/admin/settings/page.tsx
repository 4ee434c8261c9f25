import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { TwoFactorAdminSettingForm } from '@/components/account/two-factor-admin-setting-form';
import { loadAdminsMustUseTwoFactor } from '@/data/auth/two-factor';
import { requirePageUser } from '@/data/auth/session';
import { saveAdminSettingsAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('adminSettings');
  return { title: t('title') };
}

/** Site-wide settings (admins only): for now, whether admins must use two-factor sign-in. */
export default async function AdminSettingsPage() {
  // Admins only, decided before anything streams: others get a real 403.
  const admin = await requirePageUser('settings.manage');
  const required = await loadAdminsMustUseTwoFactor();
  const t = await getTranslations('adminSettings');
  return (
    <>
      <h1>{t('title')}</h1>
      <section className="card" aria-labelledby="security-title">
        <h2 id="security-title">{t('securityTitle')}</h2>
        <TwoFactorAdminSettingForm action={saveAdminSettingsAction} required={required} />
        {admin.totpEnabled ? null : (
          <p className="muted">
            {t('yourStatusOff')} <Link href="/account/two-factor">{t('setUpYours')}</Link>
          </p>
        )}
      </section>
    </>
  );
}
