import { describe, expect, it } from 'vitest';
import { formatLogLine, logPath, redact } from '@/lib/log';

describe('structured logs', () => {
  it('are one JSON line each, whatever the input: newlines cannot forge a second line', () => {
    const hostile = 'x\n{"level":"error","event":"forged"}\r\n\u2028\u2029';
    const line = formatLogLine('info', 'test', { email: hostile, nested: { note: hostile } });
    expect(line.split(/\r\n|\r|\n|\u2028|\u2029/)).toHaveLength(1);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ level: 'info', event: 'test', email: hostile, nested: { note: hostile } });
  });

  it('never carry passwords, tokens, cookies or secrets', () => {
    const fields = redact({
      password: 'hunter2',
      newPassword: 'x',
      sessionToken: 'abc',
      cookie: 'authjs.session-token=abc',
      headers: { authorization: 'Bearer x', 'set-cookie': 'a=b' },
      totpSecret: 's',
      code: '123456',
      route: '/cities',
      userId: 'u1',
    }) as Record<string, unknown>;
    expect(JSON.stringify(fields)).not.toMatch(/hunter2|Bearer|abc|123456|a=b/);
    expect(fields).toMatchObject({ route: '/cities', userId: 'u1', password: '[redacted]' });
  });

  it('cap long strings and hide set-password tokens in paths', () => {
    expect(String(redact('A'.repeat(5000))).length).toBeLessThan(2100);
    expect(logPath('/set-password/abcdef0123456789')).toBe('/set-password/[token]');
    expect(logPath('/share/shr_abcdef0123456789')).toBe('/share/[token]');
    expect(logPath('/cities/3')).toBe('/cities/3');
  });
});
