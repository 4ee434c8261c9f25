import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum, which isolatedModules forbids reading at runtime; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * OWASP Password Storage Cheat Sheet, argon2id "minimum" profile: m=19456 KiB (19 MiB), t=2, p=1.
 * argon2id resists both GPU cracking (data-dependent passes) and side channels (data-independent first
 * pass); 19 MiB per hash keeps an attacker's parallelism expensive while a sign-in still costs only tens of milliseconds
 * of one core. The parameters are stored in the PHC string, so raising them later leaves old hashes valid.
 */
const OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

/** Hashes a password into a self-describing PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

/**
 * True when `plain` matches `hash`. A malformed or empty hash is a non-match, never an exception, so callers
 * cannot accidentally leak which accounts exist through error paths. Inputs are never logged.
 */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await verify(hash, plain);
  } catch {
    return false;
  }
}
