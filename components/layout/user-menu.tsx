import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/app/(dashboard)/actions';
import type { CurrentUser } from '@/types/users';

export async function UserMenu({ user }: { user: CurrentUser }) {
  const t = await getTranslations('auth');
  return (
    <div className="user-menu">
      <span>{t('signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}</span>
      <form action={signOutAction}>
        <button className="link-button" type="submit">
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
