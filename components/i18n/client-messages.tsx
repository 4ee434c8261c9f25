import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { clientMessages, type ClientMessageScope } from '@/lib/i18n/client-messages';

/**
 * The messages the client components below it translate with: the root namespaces and the scope's
 * (lib/i18n/client-messages.ts), in the request's language. Put it in the layout or page of the route segment
 * whose client components need them.
 */
export async function ClientMessages({ scope = 'root', children }: { scope?: ClientMessageScope; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={clientMessages(messages, scope)}>{children}</NextIntlClientProvider>;
}
