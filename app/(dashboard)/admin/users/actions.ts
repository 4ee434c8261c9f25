'use server';

import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db';
import {
  changeRole,
  clearSignInLock,
  createUser,
  issueResetLink,
  setStatus,
  signOutUserEverywhere,
  type UserError,
} from '@/db/queries/users';
import { requireActionUser } from '@/data/auth/session';
import { emailConfigured, sendSetPasswordEmail } from '@/lib/email';
import { isLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/format';
import {
  changeRoleSchema,
  createUserSchema,
  formFields,
  setStatusSchema,
  userTargetSchema,
} from '@/lib/validation/users';
import { isFormData, unreadableRequest } from '@/data/form-data';

/**
 * The user administration's server actions. Each is a public POST endpoint: it authorizes ('users.manage')
 * before anything else, validates, calls db/queries/users.ts (which enforces the self-change and last-admin
 * rules and writes the audit row), then revalidates the list.
 */

export interface UserActionState {
  ok?: boolean;
  message?: string;
  errors?: { email?: string[]; name?: string[]; role?: string[] };
  /** A one-time set-password link: shown once, never stored in plain text. */
  link?: { url: string; expires: string };
  /** Whose link it is. */
  subject?: string;
  /** What the add-user form had, to refill it after an error. */
  values?: { email: string; name: string; role: string };
}

const PATH = '/admin/users';
type T = Awaited<ReturnType<typeof getTranslations>>;

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

async function linkFor(token: string, expiresAt: Date): Promise<NonNullable<UserActionState['link']>> {
  const [origin, locale, timeZone] = await Promise.all([requestOrigin(), getLocale(), getTimeZone()]);
  return { url: `${origin}/set-password/${token}`, expires: formatDateTime(locale, expiresAt, timeZone) };
}

/** With SMTP configured the link also goes to the user by email; the admin is told whether it went. */
async function emailLink(
  t: T,
  user: { email: string; name: string; locale?: string | null },
  link: NonNullable<UserActionState['link']>,
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

const failed = (t: T, error: UserError | 'invalid'): UserActionState => ({ ok: false, message: t(`admin.errors.${error}`) });
const roleName = (t: T, role: string) => t(`auth.roles.${role}`);

export async function createUserAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const raw = formFields(formData, ['email', 'name', 'role']);
  const values = { email: String(raw.email ?? ''), name: String(raw.name ?? ''), role: String(raw.role ?? '') };
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) {
    const e = z.flattenError(parsed.error).fieldErrors;
    return {
      ok: false,
      values,
      errors: {
        email: e.email?.map((k) => t(k)),
        name: e.name?.map((k) => t(k)),
        role: e.role?.map((k) => t(k)),
      },
    };
  }
  const result = await createUser(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) {
    return { ok: false, values, errors: { email: [t(`admin.errors.${result.error}`)] } };
  }
  revalidatePath(PATH);
  const link = await linkFor(result.token, result.expiresAt);
  const emailed = await emailLink(t, result.user, link, 'invite');
  return {
    ok: true,
    message: [t('admin.users.add.created', { name: result.user.name, role: roleName(t, result.user.role) }), emailed]
      .filter(Boolean)
      .join(' '),
    link,
    subject: result.user.name,
  };
}

export async function changeRoleAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = changeRoleSchema.safeParse(formFields(formData, ['userId', 'role']));
  if (!parsed.success) return failed(t, 'invalid');
  const result = await changeRole(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failed(t, result.error);
  revalidatePath(PATH);
  const { name, role } = result.user;
  return {
    ok: true,
    message: result.changed
      ? t('admin.users.results.roleChanged', { name, role: roleName(t, role) })
      : t('admin.users.results.roleUnchanged', { name }),
  };
}

export async function setStatusAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = setStatusSchema.safeParse(formFields(formData, ['userId', 'status']));
  if (!parsed.success) return failed(t, 'invalid');
  const result = await setStatus(await getDb(), { ...parsed.data, actorId: actor.id });
  if (!result.ok) return failed(t, result.error);
  revalidatePath(PATH);
  const { name, status } = result.user;
  if (!result.changed) {
    return { ok: true, message: t('admin.users.results.statusUnchanged', { name, status: t(`admin.users.status.${status}`) }) };
  }
  return { ok: true, message: t(status === 'disabled' ? 'admin.users.results.disabled' : 'admin.users.results.enabled', { name }) };
}

export async function issueResetLinkAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = userTargetSchema.safeParse(formFields(formData, ['userId']));
  if (!parsed.success) return failed(t, 'invalid');
  const result = await issueResetLink(await getDb(), { userId: parsed.data.userId, actorId: actor.id });
  if (!result.ok) return failed(t, result.error);
  revalidatePath(PATH);
  const name = result.user.name;
  const link = await linkFor(result.token, result.expiresAt);
  const emailed = await emailLink(t, result.user, link, result.purpose);
  return {
    ok: true,
    message: [t(result.purpose === 'invite' ? 'admin.users.results.inviteLink' : 'admin.users.results.resetLink', { name }), emailed]
      .filter(Boolean)
      .join(' '),
    link,
    subject: name,
  };
}

export async function signOutEverywhereAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = userTargetSchema.safeParse(formFields(formData, ['userId']));
  if (!parsed.success) return failed(t, 'invalid');
  const result = await signOutUserEverywhere(await getDb(), { userId: parsed.data.userId, actorId: actor.id });
  if (!result.ok) return failed(t, result.error);
  revalidatePath(PATH);
  return { ok: true, message: t('admin.users.results.signedOut', { name: result.user.name }) };
}

export async function clearSignInLockAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  const actor = await requireActionUser('users.manage');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = userTargetSchema.safeParse(formFields(formData, ['userId']));
  if (!parsed.success) return failed(t, 'invalid');
  const result = await clearSignInLock(await getDb(), { userId: parsed.data.userId, actorId: actor.id });
  if (!result.ok) return failed(t, result.error);
  revalidatePath(PATH);
  const name = result.user.name;
  return { ok: true, message: t(result.cleared ? 'admin.users.results.lockCleared' : 'admin.users.results.lockNotSet', { name }) };
}
