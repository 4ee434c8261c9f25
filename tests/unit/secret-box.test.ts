import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, SecretBoxError } from '@/lib/auth/secret-box';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('secret box (AES-256-GCM, key from AUTH_SECRET by HKDF)', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'unit-test-auth-secret-0123456789abcdef';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = saved;
  });

  it('round-trips, in the v1.<iv>.<tag>.<ciphertext> base64url format, without the plaintext in it', () => {
    const box = encryptSecret(SECRET);
    expect(box).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(box).not.toContain(SECRET);
    expect(decryptSecret(box)).toBe(SECRET);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret(SECRET)).not.toBe(encryptSecret(SECRET));
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const box = encryptSecret(SECRET);
    const [version, iv, tag, ciphertext] = box.split('.') as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    for (const tampered of [
      [version, iv, tag, flip(ciphertext)],
      [version, iv, flip(tag), ciphertext],
      [version, flip(iv), tag, ciphertext],
    ]) {
      expect(() => decryptSecret(tampered.join('.'))).toThrow(SecretBoxError);
    }
    expect(() => decryptSecret(`v2.${iv}.${tag}.${ciphertext}`)).toThrow(SecretBoxError);
    expect(() => decryptSecret('not a box')).toThrow(SecretBoxError);
  });

  it('fails under another AUTH_SECRET, another purpose or another bound record', () => {
    const box = encryptSecret(SECRET, { aad: 'user:1' });
    expect(() => decryptSecret(box, { aad: 'user:1', authSecret: 'some-other-auth-secret-0123456789' })).toThrow(
      /AUTH_SECRET has changed/,
    );
    expect(() => decryptSecret(box, { aad: 'user:1', purpose: 'something-else' })).toThrow(SecretBoxError);
    expect(() => decryptSecret(box, { aad: 'user:2' })).toThrow(SecretBoxError);
    expect(() => decryptSecret(box)).toThrow(SecretBoxError);
    expect(decryptSecret(box, { aad: 'user:1' })).toBe(SECRET);
  });

  it('refuses clearly when AUTH_SECRET is missing', () => {
    delete process.env.AUTH_SECRET;
    expect(() => encryptSecret(SECRET)).toThrow(/AUTH_SECRET is not set/);
  });
});
