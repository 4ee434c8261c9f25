import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/** Shared pages are for the people given the link: never indexed, and the link never sent on as a referrer. */
export const metadata: Metadata = {
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: 'no-referrer',
};

/**
 * The frame of a read-only shared page: the app's name and what this is, and no navigation — a shared page
 * leads nowhere else in the app.
 */
export default async function SharedLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <header className="shared-header">
        <p>
          <strong>{t('app.name')}</strong> · {t('share.page.banner')}
        </p>
      </header>
      <main id="main" className="shared-main">
        {children}
      </main>
    </>
  );
}
