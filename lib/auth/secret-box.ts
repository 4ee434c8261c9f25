import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Small secrets at rest (the TOTP secret): AES-256-GCM with a key derived from AUTH_SECRET by HKDF-SHA-256,
 * one key per purpose (the HKDF `info`). A box reads `v1.<iv>.<tag>.<ciphertext>`, each part base64url, so
 * a later scheme can be told apart by its prefix. GCM authenticates: a changed byte, a box moved to another
 * record (when `aad` binds it to one) or another AUTH_SECRET makes opening fail instead of yielding garbage.
 * Rotating AUTH_SECRET therefore makes existing boxes unreadable (users re-enrol their authenticator).
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A fixed, public salt: HKDF's security rests on AUTH_SECRET being a high-entropy secret. */
const SALT = 'silk-road-cities-me/secret-box/v1';

export interface SecretBoxOptions {
  /** HKDF info, i.e. which key: boxes sealed for one purpose do not open for another. Default 'totp-secret'. */
  purpose?: string;
  /** Additional authenticated data (e.g. the owning user's id): the box opens only with the same value. */
  aad?: string;
  /** Key material; defaults to process.env.AUTH_SECRET (tests pass their own). */
  authSecret?: string;
}

export class SecretBoxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretBoxError';
  }
}

function deriveKey(options: SecretBoxOptions): Buffer {
  const material = options.authSecret ?? process.env.AUTH_SECRET;
  if (!material) {
    throw new SecretBoxError(
      'AUTH_SECRET is not set: it is needed to encrypt and decrypt two-factor secrets. Set it (e.g. `npx auth secret`) and restart.',
    );
  }
  return Buffer.from(hkdfSync('sha256', material, SALT, options.purpose ?? 'totp-secret', 32));
}

/** Encrypts a short UTF-8 string; every call uses a fresh random IV, so equal inputs give different boxes. */
export function encryptSecret(plaintext: string, options: SecretBoxOptions = {}): string {
  const key = deriveKey(options);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (options.aad !== undefined) cipher.setAAD(Buffer.from(options.aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Opens a box made by encryptSecret; throws SecretBoxError when it is malformed, tampered or under another key. */
export function decryptSecret(box: string, options: SecretBoxOptions = {}): string {
  const parts = box.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError('Not a v1 secret box.');
  const [, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  const ciphertext = Buffer.from(ciphertextText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('Malformed secret box.');
  const key = deriveKey(options);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (options.aad !== undefined) decipher.setAAD(Buffer.from(options.aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new SecretBoxError(
      'The secret could not be decrypted: it was altered, or AUTH_SECRET has changed since it was stored.',
      { cause: error },
    );
  }
}
