import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ChartScript } from '@/components/charts/chart-script';
import { ChineseFonts } from '@/components/i18n/chinese-fonts';
import { ClientMessages } from '@/components/i18n/client-messages';
import { htmlLang, isLocale } from '@/lib/i18n/config';
// The app's own fonts for both languages, split by Unicode range: a page fetches only the slices its text uses,
// from this server (no CDN), and pages and PDFs look the same on any machine, with or without CJK fonts. The
// Chinese one is declared by ChineseFonts.
import '@fontsource-variable/noto-sans/wght.css';
import './globals.css';
import { notoSansLatin } from './fonts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={isLocale(locale) ? htmlLang[locale] : locale} className={notoSansLatin.variable}>
      <body>
        <ChineseFonts beforeFirstPaint={locale === 'zh'} />
        {/* Only the root namespaces; each route segment adds the ones its client components use. */}
        <ClientMessages>{children}</ClientMessages>
        <ChartScript />
      </body>
    </html>
  );
}
