import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <>
      <header className="header">
        <div className="header-inner">
          <span className="brand">{t('name')}</span>
          <div className="user-menu">
            <LocaleSwitcher />
          </div>
        </div>
      </header>
      <main id="main" className="narrow">
        <ClientMessages scope="auth">{children}</ClientMessages>
      </main>
    </>
  );
}
