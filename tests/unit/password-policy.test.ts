import { describe, expect, it } from 'vitest';
import {
  newPasswordSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblemKeys,
  passwordProblems,
} from '@/lib/auth/password-policy';

const keysOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('new password policy', () => {
  it('accepts a long random password and a 64+ character passphrase', () => {
    expect(passwordProblems('vN4-qk9#Lr2z')).toEqual([]);
    const passphrase = 'the orchard by the old silk road market smells of apricots in june';
    expect([...passphrase].length).toBeGreaterThanOrEqual(64);
    expect(passwordProblems(passphrase)).toEqual([]);
    expect(passwordProblems('x'.repeat(63) + 'y'.repeat(PASSWORD_MAX_LENGTH - 63))).toEqual([]);
    expect(newPasswordSchema().safeParse(passphrase).success).toBe(true);
  });

  it('needs at least 12 characters, counted as a person counts them', () => {
    expect(passwordProblems('kX7#pq2!mZ9')).toEqual(['password.tooShort']);
    expect(passwordProblems('kX7#pq2!mZ9w')).toEqual([]);
    // Eleven CJK characters are eleven characters, not 22 or 33 bytes.
    expect(passwordProblems('丝绸之路城市合作伙伴关系')).toEqual([]);
    expect(passwordProblems('丝绸之路城市合作伙伴关')).toEqual(['password.tooShort']);
    expect(PASSWORD_MIN_LENGTH).toBe(12);
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblems('a1b2'.repeat(32))).toEqual([]);
    expect(passwordProblems('a1b2'.repeat(32) + 'c')).toEqual(['password.tooLong']);
  });

  it('refuses empty or missing input', () => {
    expect(passwordProblems('')).toEqual(['password.required']);
    expect(passwordProblems(undefined)).toEqual(['password.required']);
    expect(keysOf(newPasswordSchema().safeParse(42))).toEqual(['password.required']);
  });

  it('refuses common passwords from the list, ignoring case', () => {
    for (const common of ['123456789012', 'administrator', 'ADMINISTRATOR', 'Qwertyuiop12', 'passwordpassword']) {
      expect(passwordProblems(common)).toContain('password.common');
    }
  });

  it('refuses a common password stretched with digits and symbols, or one character repeated', () => {
    expect(passwordProblems('Password2024!')).toEqual(['password.common']);
    expect(passwordProblems('!!dragon123456')).toEqual(['password.common']);
    expect(passwordProblems('aaaaaaaaaaaaaa')).toEqual(['password.common']);
    // A short common password is both too short and common: the user sees both.
    expect(passwordProblems('monkey')).toEqual(['password.tooShort', 'password.common']);
    // A common word inside a real passphrase is fine.
    expect(passwordProblems('my monkey paints apricot trees')).toEqual([]);
  });

  it("refuses a password equal to or containing the email's local part", () => {
    const ctx = { email: 'Amina.Diallo+un@example.org' };
    expect(passwordProblems('amina.diallo+un', ctx)).toContain('password.containsEmail');
    expect(passwordProblems('my name is AMINA.DIALLO ok', ctx)).toEqual(['password.containsEmail']);
    expect(passwordProblems('amina.diallo-rocks-2020', ctx)).toEqual(['password.containsEmail']);
    expect(passwordProblems('a different passphrase', ctx)).toEqual([]);
    // Without a context, the same password is fine.
    expect(passwordProblems('my name is AMINA.DIALLO ok')).toEqual([]);
  });

  it('only refuses a very short local part when the password equals it', () => {
    const ctx = { email: 'li@example.org' };
    expect(passwordProblems('reliable lilies bloom early', ctx)).toEqual([]);
  });

  it('reports problems as stable message keys through zod', () => {
    const schema = newPasswordSchema({ email: 'wang.fang@example.org' });
    expect(keysOf(schema.safeParse('wang.fang'))).toEqual(['password.tooShort', 'password.containsEmail']);
    expect(keysOf(schema.safeParse('Password1234'))).toEqual(['password.common']);
    const all: readonly string[] = passwordProblemKeys;
    for (const key of keysOf(schema.safeParse('x'))) expect(all).toContain(key);
  });
});
