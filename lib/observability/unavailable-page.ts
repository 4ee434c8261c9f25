import en from '@/lib/i18n/messages/en/common.json';
import zh from '@/lib/i18n/messages/zh/common.json';
import { isLocale, negotiateLocale, htmlLang } from '@/lib/i18n/config';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The "service unavailable" page the proxy answers (HTTP 503) while the database is down: static HTML in the
 * visitor's language, no script, so it renders even when nothing else of the app can.
 */
export function serviceUnavailablePage(localeCookieValue: string | undefined, acceptLanguage: string | null): string {
  const locale = isLocale(localeCookieValue) ? localeCookieValue : negotiateLocale(acceptLanguage);
  const t = (locale === 'zh' ? zh : en).errors;
  return `<!doctype html>
<html lang="${htmlLang[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.unavailableTitle)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<main id="main" role="alert"><h1>${escapeHtml(t.unavailableTitle)}</h1><p>${escapeHtml(t.unavailableBody)}</p>
<p><a href="">${escapeHtml(t.retry)}</a></p></main></body></html>`;
}
