import { createTranslator } from 'next-intl';
import type { Locale } from '../i18n/config';
import enMessages from '../i18n/messages/en';
import zhMessages from '../i18n/messages/zh';
import type { NotificationKind } from './kinds';

/**
 * A notification's text in a given language, from its kind and values: the bell's list renders it in the reader's
 * language, and the e-mail in the recipient's (their stored choice, else English).
 */
export function notificationText(locale: Locale, kind: NotificationKind, params: Record<string, string | number>) {
  // The catalog is merged at run time, so its keys are plain strings here.
  const messages = (locale === 'zh' ? zhMessages : enMessages) as Record<string, unknown>;
  const t = createTranslator({ locale, messages }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return { title: t(`notifications.kinds.${kind}.title`, params), body: t(`notifications.kinds.${kind}.body`, params) };
}

export function composeNotificationEmail(input: {
  locale: Locale;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
  baseUrl: string;
  name: string;
}) {
  const messages = (input.locale === 'zh' ? zhMessages : enMessages) as Record<string, unknown>;
  const t = createTranslator({ locale: input.locale, messages }) as unknown as (key: string, values?: Record<string, string>) => string;
  const { title, body } = notificationText(input.locale, input.kind, input.params);
  const url = input.link ? new URL(input.link, input.baseUrl).toString() : input.baseUrl;
  return {
    subject: title,
    text: `${t('notifications.email.greeting', { name: input.name })}\n\n${body}\n\n${url}\n\n${t('notifications.email.footer')}`,
  };
}
