'use server';

import { getLocale, getTimeZone } from 'next-intl/server';
import { headers } from 'next/headers';
import { defineAction, type ActionFailure, type Translator } from '@/data/action';
import type { Change } from '@/data/invalidate';
import { emailConfigured, sendSetPasswordEmail } from '@/lib/email';
import { isLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/format';
import {
  changeRoleSchema,
  createUserSchema,
  setStatusSchema,
  userTargetSchema,
} from '@/lib/validation/users';
import { changeRole, clearSignInLock, createUser, issueResetLink, setStatus, signOutUserEverywhere, type UserError } from '@/data/writes/admin';

/**
 * The user administration's server actions ('users.manage'). db/queries/users.ts enforces the self-change and
 * last-admin rules and writes the audit row.
 */

const changed: Change[] = [{ kind: 'user' }];

/**
 * The app's origin as the admin's browser reached it (behind a proxy: its x-forwarded-proto), so the link
 * works when opened from elsewhere. Only well-formed host names are used.
 */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = (h.get('host') ?? '').trim();
  const proto = (h.get('x-forwarded-proto') ?? 'http').split(',')[0]!.trim().toLowerCase();
  const safeHost = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : 'localhost:3000';
  return `${proto === 'https' ? 'https' : 'http'}://${safeHost}`;
}

async function linkFor(token: string, expiresAt: Date): Promise<Link> {
  const [origin, locale, timeZone] = await Promise.all([requestOrigin(), getLocale(), getTimeZone()]);
  return { url: `${origin}/set-password/${token}`, expires: formatDateTime(locale, expiresAt, timeZone) };
}

/** With SMTP configured the link also goes to the user by email; the admin is told whether it went. */
async function emailLink(
  t: Translator,
  user: { email: string; name: string; locale?: string | null },
  link: Link,
  purpose: 'invite' | 'reset',
): Promise<string | undefined> {
  if (!emailConfigured()) return undefined;
  // In the recipient's language when they chose one, else in the inviting admin's.
  const locale = isLocale(user.locale) ? user.locale : (await getLocale());
  const sent = await sendSetPasswordEmail({
    to: user.email,
    name: user.name,
    url: link.url,
    expires: link.expires,
    purpose,
    locale: isLocale(locale) ? locale : undefined,
  });
  return t(sent ? 'email.sent' : 'email.failed', { email: user.email });
}

type Link = { url: string; expires: string };
const failed = (t: Translator, error: UserError): ActionFailure => ({ ok: false, message: t(`admin.errors.${error}`) });
const roleName = (t: Translator, role: string) => t(`auth.roles.${role}`);
/** The row buttons: a request that does not parse is one message. */
const row = { policy: 'users.manage', invalidMessage: 'admin.errors.invalid', refill: false } as const;

export const createUserAction = defineAction({
  policy: 'users.manage',
  schema: createUserSchema,
  fields: ['email', 'name', 'role'],
  invalidMessage: null,
  body: async ({ db, actor, input, t }) => {
    const result = await createUser(db, { ...input, actorId: actor.id });
    if (!result.ok) return { ok: false, message: '', errors: { email: [t(`admin.errors.${result.error}`)] } };
    const link = await linkFor(result.token, result.expiresAt);
    const emailed = await emailLink(t, result.user, link, 'invite');
    return {
      ok: true,
      message: [t('admin.users.add.created', { name: result.user.name, role: roleName(t, result.user.role) }), emailed].filter(Boolean).join(' '),
      link,
      subject: result.user.name,
      invalidate: changed,
    };
  },
});

export const changeRoleAction = defineAction({
  ...row,
  schema: changeRoleSchema,
  fields: ['userId', 'role'],
  body: async ({ db, actor, input, t }) => {
    const result = await changeRole(db, { ...input, actorId: actor.id });
    if (!result.ok) return failed(t, result.error);
    const { name, role } = result.user;
    const message = result.changed ? t('admin.users.results.roleChanged', { name, role: roleName(t, role) }) : t('admin.users.results.roleUnchanged', { name });
    return { ok: true, message, invalidate: changed };
  },
});

export const setStatusAction = defineAction({
  ...row,
  schema: setStatusSchema,
  fields: ['userId', 'status'],
  body: async ({ db, actor, input, t }) => {
    const result = await setStatus(db, { ...input, actorId: actor.id });
    if (!result.ok) return failed(t, result.error);
    const { name, status } = result.user;
    if (!result.changed) {
      return { ok: true, message: t('admin.users.results.statusUnchanged', { name, status: t(`admin.users.status.${status}`) }), invalidate: changed };
    }
    return { ok: true, message: t(status === 'disabled' ? 'admin.users.results.disabled' : 'admin.users.results.enabled', { name }), invalidate: changed };
  },
});

export const issueResetLinkAction = defineAction({
  ...row,
  schema: userTargetSchema,
  fields: ['userId'],
  body: async ({ db, actor, input, t }) => {
    const result = await issueResetLink(db, { userId: input.userId, actorId: actor.id });
    if (!result.ok) return failed(t, result.error);
    const name = result.user.name;
    const link = await linkFor(result.token, result.expiresAt);
    const emailed = await emailLink(t, result.user, link, result.purpose);
    const said = t(result.purpose === 'invite' ? 'admin.users.results.inviteLink' : 'admin.users.results.resetLink', { name });
    return { ok: true, message: [said, emailed].filter(Boolean).join(' '), link, subject: name, invalidate: changed };
  },
});

export const signOutEverywhereAction = defineAction({
  ...row,
  schema: userTargetSchema,
  fields: ['userId'],
  body: async ({ db, actor, input, t }) => {
    const result = await signOutUserEverywhere(db, { userId: input.userId, actorId: actor.id });
    if (!result.ok) return failed(t, result.error);
    return { ok: true, message: t('admin.users.results.signedOut', { name: result.user.name }), invalidate: changed };
  },
});

export const clearSignInLockAction = defineAction({
  ...row,
  schema: userTargetSchema,
  fields: ['userId'],
  body: async ({ db, actor, input, t }) => {
    const result = await clearSignInLock(db, { userId: input.userId, actorId: actor.id });
    if (!result.ok) return failed(t, result.error);
    const name = result.user.name;
    return { ok: true, message: t(result.cleared ? 'admin.users.results.lockCleared' : 'admin.users.results.lockNotSet', { name }), invalidate: changed };
  },
});
