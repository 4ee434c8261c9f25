import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { clientMessages } from '@/lib/i18n/client-messages';
import { htmlLang, isLocale } from '@/lib/i18n/config';
// The app's own fonts for both languages, split by Unicode range: a page fetches only the slices its text uses,
// from this server (no CDN), and pages and PDFs look the same on any machine, with or without CJK fonts.
import '@fontsource-variable/noto-sans/wght.css';
import '@fontsource-variable/noto-sans-sc/wght.css';
import './globals.css';
import { notoSansLatin } from './fonts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={isLocale(locale) ? htmlLang[locale] : locale} className={notoSansLatin.variable}>
      <body>
        {/* Only the namespaces client components use (lib/i18n/client-messages.ts), not the whole catalog. */}
        <NextIntlClientProvider messages={clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
