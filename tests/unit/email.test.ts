import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { composeSetPasswordEmail, emailConfigured, sendSetPasswordEmail } from '@/lib/email';

const message = {
  to: 'new.person@example.org',
  name: 'New Person',
  url: 'https://me.example.org/set-password/abc123',
  expires: '3 Dec 2026, 10:00',
  purpose: 'invite' as const,
};

describe('set-password emails', () => {
  it('are sent only when SMTP is configured', () => {
    expect(emailConfigured({})).toBe(false);
    expect(emailConfigured({ SMTP_URL: 'smtp://localhost:2525' })).toBe(true);
  });

  it('carry the link, its expiry and the name, and nothing else secret', () => {
    const mail = composeSetPasswordEmail(message);
    expect(mail.subject).toContain('Silk Road Cities');
    expect(mail.text).toContain(message.url);
    expect(mail.text).toContain(message.expires);
    expect(mail.text).toContain('Hello New Person');
    expect(composeSetPasswordEmail({ ...message, purpose: 'reset' }).subject).toContain('Reset');
  });

  it('are written in the recipient\'s language', () => {
    const en = composeSetPasswordEmail(message);
    const zh = composeSetPasswordEmail({ ...message, locale: 'zh' });
    expect(zh.subject).not.toBe(en.subject);
    expect(zh.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.text).toContain(message.url);
    expect(zh.text).toContain('New Person');
  });

  it('go through the transport, and a failing transport reports false instead of throwing', async () => {
    const sent: unknown[] = [];
    const json = nodemailer.createTransport({ jsonTransport: true });
    const recording = { sendMail: async (m: unknown) => (sent.push(m), json.sendMail(m as never)) };
    expect(await sendSetPasswordEmail(message, recording as never)).toBe(true);
    expect(sent).toHaveLength(1);
    const failing = { sendMail: async () => Promise.reject(new Error('connection refused')) };
    expect(await sendSetPasswordEmail(message, failing as never)).toBe(false);
  });
});
