/**
 * Structured logs: one JSON object per line on stdout (errors on stderr). JSON.stringify escapes newlines and
 * control characters, so user input inside a field can never start a forged line of its own. Fields whose
 * name says they hold a secret are replaced before anything is written.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const secretName = /pass(word)?|secret|token|cookie|authorization|session|csrf|totp|otp|recovery|^code$/i;
const MAX_STRING = 2000;

/** Removes secrets (by field name) and caps long strings; nested objects and arrays are walked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[${value.length}]` : value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = secretName.test(key) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

/** One log line: `{"time":…,"level":…,"event":…, …fields}` — never more than one line. */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}): string {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...(redact(fields) as LogFields) });
  // JSON.stringify already escapes \n and \r; U+2028/U+2029 are escaped too for readers that split on them.
  return line.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function log(level: LogLevel, event: string, fields?: LogFields): void {
  const line = formatLogLine(level, event, fields);
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** Route patterns for logs: path segments that carry secrets (set-password tokens) are not logged. */
export function logPath(pathname: string): string {
  // One-time and share-link secrets travel in the path: never into the logs.
  return pathname
    .replace(/^\/set-password\/[^/]+/, '/set-password/[token]')
    .replace(/^\/share\/[^/]+/, '/share/[token]')
    .slice(0, 300);
}
