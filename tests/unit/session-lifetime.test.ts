import { describe, expect, it } from 'vitest';
import { ABSOLUTE_TIMEOUT_SECONDS, authConfig, IDLE_TIMEOUT_SECONDS } from '@/auth.config';

type JwtCallback = (params: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Record<string, unknown> | null;
const jwt = authConfig.callbacks.jwt as unknown as JwtCallback;

describe('session lifetime', () => {
  it('expires after 8 hours idle (the JWT max age, renewed on use)', () => {
    expect(IDLE_TIMEOUT_SECONDS).toBe(8 * 3600);
    expect(authConfig.session.maxAge).toBe(IDLE_TIMEOUT_SECONDS);
  });

  it('records the sign-in time and the session version when a user signs in', () => {
    const token = jwt({ token: {}, user: { id: 'u1', role: 'staff', sessionVersion: 3 } });
    expect(token).toMatchObject({ uid: 'u1', role: 'staff', sv: 3 });
    expect(Math.abs((token!.authTime as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('ends a session 7 days after sign-in however active it is', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(jwt({ token: { uid: 'u1', authTime: now - ABSOLUTE_TIMEOUT_SECONDS + 60 } })).not.toBeNull();
    expect(jwt({ token: { uid: 'u1', authTime: now - ABSOLUTE_TIMEOUT_SECONDS - 60 } })).toBeNull();
  });
});
