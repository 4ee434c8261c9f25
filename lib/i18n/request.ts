import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { defaultLocale, isLocale, localeCookie, negotiateLocale, type Locale } from './config';

const catalogs: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./messages/en'),
  zh: () => import('./messages/zh'),
};

/**
 * The language of a request: the user's choice (a cookie, set from their profile when they sign in and by the
 * switcher), else the browser's Accept-Language. No locale in the URL: every route keeps one path.
 */
export async function requestLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get('accept-language'));
}

/**
 * A locale given to the render wins over the request's: passed explicitly (`getTranslations({ locale })`) or set for
 * a whole cached rendering (`setRequestLocale`), which may not read the request (`'use cache'`), so its caller
 * reads the locale and hands it in, and the locale is part of the entry's key.
 */
export default getRequestConfig(async ({ locale: explicit, requestLocale: given }) => {
  const set = explicit ?? (await given);
  const locale = isLocale(set) ? set : await requestLocale();
  return {
    locale,
    messages: (await catalogs[locale]()).default,
    timeZone: 'UTC',
    // A key missing from a catalog (the completeness test should have caught it) shows its path, not a crash.
    onError: (error) => console.error(JSON.stringify({ level: 'warn', source: 'i18n', message: error.message })),
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
  };
});

export { defaultLocale };
