import { createTranslator } from 'next-intl';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Locale } from './i18n/config';
import enMessages from './i18n/messages/en';
import zhMessages from './i18n/messages/zh';
import { emailConfigured } from './email-config';

export { emailConfigured };

let transport: Transporter | undefined;
function defaultTransport(): Transporter {
  transport ??= nodemailer.createTransport(process.env.SMTP_URL);
  return transport;
}

export interface SetPasswordEmail {
  to: string;
  name: string;
  url: string;
  expires: string;
  purpose: 'invite' | 'reset';
  /** The recipient's language: their stored choice, else the inviting admin's. */
  locale?: Locale;
}

export function composeSetPasswordEmail(input: SetPasswordEmail) {
  // The catalog is merged at run time, so its keys are plain strings here.
  const locale = input.locale ?? 'en';
  const messages = (locale === 'zh' ? zhMessages : enMessages) as Record<string, unknown>;
  const t = createTranslator({ locale, messages }) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const values = { name: input.name, url: input.url, expires: input.expires };
  const invite = input.purpose === 'invite';
  return {
    to: input.to,
    subject: t(invite ? 'email.invite.subject' : 'email.reset.subject'),
    text: invite ? t('email.invite.body', values) : t('email.reset.body', values),
  };
}

/** Sends the message; false (never a thrown error) when it could not be sent, so the admin still gets the link. */
export async function sendSetPasswordEmail(input: SetPasswordEmail, via: Transporter = defaultTransport()): Promise<boolean> {
  try {
    await via.sendMail({ from: process.env.SMTP_FROM ?? 'no-reply@localhost', ...composeSetPasswordEmail(input) });
    return true;
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', source: 'email', message: (error as Error).message }));
    return false;
  }
}

/** The notification mailer when SMTP is configured; undefined without it (messages then go to the in-app outbox). */
export function notificationMailer(env: Record<string, string | undefined> = process.env) {
  if (!emailConfigured(env)) return undefined;
  return async (message: { to: string; subject: string; text: string }) => {
    await defaultTransport().sendMail({ from: env.SMTP_FROM ?? 'no-reply@localhost', ...message });
  };
}
