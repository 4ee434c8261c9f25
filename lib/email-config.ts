/**
 * Set-password links go by email only when SMTP is configured (SMTP_URL, e.g. smtps://user:pass@host:465, and
 * SMTP_FROM); otherwise the admin passes the link on themselves. The link is the only secret in the message.
 */
export function emailConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return Boolean(env.SMTP_URL);
}
