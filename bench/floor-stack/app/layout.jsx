import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';

export const metadata = { title: 'floor' };

export default async function RootLayout({ children }) {
  const locale = await getLocale();
  const { errors } = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={{ errors }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
