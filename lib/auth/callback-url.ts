/** Only a path on this site may be a post-sign-in destination: no scheme, no host, no protocol-relative URL. */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/api/')) return '/';
  return value.slice(0, 2048);
}
