import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DemoBanner } from './demo-banner';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { MainNav } from '@/components/layout/main-nav';
import { NotificationBell } from '@/components/layout/notification-bell';
import { UserMenu } from '@/components/layout/user-menu';
import { requirePageUser } from '@/data/auth/session';
import { loadUnreadCount } from '@/data/notifications';
import { navigationFor } from '@/lib/navigation';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Decided before anything streams: a signed-out visitor is redirected, with a real status code.
  const user = await requirePageUser('dashboard.read');
  const [t, unread] = await Promise.all([getTranslations(), loadUnreadCount()]);
  const items = navigationFor(user.role).map(({ href, key }) => ({ href, label: t(`nav.${key}`) }));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <div className="header-inner">
          <Link className="brand" href="/">
            {t('app.name')}
          </Link>
          <MainNav label={t('nav.label')} items={items} />
          <UserMenu user={user} />
          <NotificationBell count={unread} label={t('notifications.bell')} unreadLabel={t('notifications.bellUnread', { count: unread })} />
          <LocaleSwitcher />
        </div>
      </header>
      <DemoBanner />
      <main id="main">{children}</main>
    </>
  );
}
