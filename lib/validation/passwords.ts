import { z } from 'zod';

/** Two password fields that must match; the strength rules are checked by the service with the account's email. */
export const passwordPairSchema = z
  .object({
    password: z.string().min(1, 'password.required').max(1024, 'password.tooLong'),
    confirm: z.string().max(1024, 'password.tooLong'),
  })
  .refine((v) => v.password === v.confirm, { message: 'password.mismatch', path: ['confirm'] });

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
