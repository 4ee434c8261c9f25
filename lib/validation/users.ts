import { z } from 'zod';
import { roles } from '@/lib/auth/policy';

/**
 * Forms and URL parameters of the user administration (/admin/users) and the `user:create` command.
 * Error messages are message KEYS (under `admin.validation`), translated by the caller.
 */

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** FormData gives null for a missing field: treat it as an empty string so the "required" message shows. */
const text = (v: unknown) => (v === null || v === undefined ? '' : v);

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

/** Trimmed and lower-cased, so that "Ann@Example.org " and "ann@example.org" are one account. */
export const userEmailSchema = z.preprocess(
  text,
  z
    .string({ error: 'admin.validation.emailRequired' })
    .trim()
    .toLowerCase()
    .min(1, 'admin.validation.emailRequired')
    .max(320, 'admin.validation.emailTooLong')
    .pipe(z.email({ error: 'admin.validation.emailInvalid' })),
);

export const userNameSchema = z.preprocess(
  text,
  z
    .string({ error: 'admin.validation.nameRequired' })
    .trim()
    .min(1, 'admin.validation.nameRequired')
    .max(120, 'admin.validation.nameTooLong'),
);

export const userRoleSchema = z.enum(roles, { error: 'admin.validation.roleInvalid' });

export const userIdSchema = z.uuid({ error: 'admin.validation.userInvalid' });

export const createUserSchema = z.object({
  email: userEmailSchema,
  name: userNameSchema,
  role: userRoleSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({
  userId: userIdSchema,
  role: userRoleSchema,
});

export const setStatusSchema = z.object({
  userId: userIdSchema,
  status: z.enum(userStatuses, { error: 'admin.validation.statusInvalid' }),
});

/** Reset link, sign out everywhere and clear sign-in lock need only the user. */
export const userTargetSchema = z.object({
  userId: userIdSchema,
});

export const userSortColumns = ['name', 'email', 'role', 'status', 'lastSignIn'] as const;
export type UserSortColumn = (typeof userSortColumns)[number];
export type SortDirection = 'asc' | 'desc';

/**
 * The list's search and sort live in the URL (a GET form and links in the column headers). Malformed values
 * fall back to the defaults instead of failing the page.
 */
export const usersSearchParams = z.object({
  q: z.preprocess(first, z.string().trim().max(100).optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(userSortColumns).optional()).catch(undefined),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).optional()).catch(undefined),
});
export type UsersSearchParams = z.infer<typeof usersSearchParams>;

