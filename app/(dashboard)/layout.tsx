import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DemoBanner } from '@/components/layout/demo-banner';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
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
          <nav className="nav" aria-label={t('nav.label')}>
            <ul>
              <li>
                <Link href="/" aria-current="page">
                  {t('nav.overview')}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <DemoBanner />
      <main id="main">{children}</main>
    </>
  );
}
