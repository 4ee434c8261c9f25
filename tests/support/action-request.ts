import { createTranslator } from 'next-intl';
import en from '@/lib/i18n/messages/en';
import type { Role } from '@/lib/auth/policy';

/**
 * A server action's request, outside Next: the headers and cookies it reads, the translator it uses (the English
 * catalog), and the paths it marks stale. Test files hand these to vi.mock for next/headers, next/cache,
 * next-intl/server and @/auth; the database stays real.
 */
export const request = {
  headers: new Headers(),
  cookies: new Map<string, string>(),
  revalidated: [] as string[],
  /** What next-auth's auth() reads from the session cookie (the claims), or null when signed out. */
  session: null as { user: { id: string; role: Role; sessionVersion: number } } | null,
};

// next/navigation's unauthorized() and forbidden() need the flag the app's next.config sets.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= 'true';
process.env.AUTH_SECRET ??= 'a test secret that is long enough for hkdf and hmac';

export function signInAs(user: { id: string; role: Role; sessionVersion?: number }): void {
  request.session = { user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion ?? 1 } };
}

export function signOut(): void {
  request.session = null;
}

const cookieStore = {
  get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
  set: (name: string, value: string) => void request.cookies.set(name, value),
  delete: (name: string) => void request.cookies.delete(name),
  has: (name: string) => request.cookies.has(name),
  getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
};

export const nextHeaders = {
  headers: async () => request.headers,
  cookies: async () => cookieStore,
};

/**
 * The tags the cached views (data/views.ts) put on what they compute, while `collectingViewTags` runs one. Outside
 * Next, `'use cache'` is an inert string: views are computed on every call, and `cacheTag` is recorded here.
 */
let viewTagSink: Set<string> | undefined;

export async function collectingViewTags<T>(compute: () => Promise<T>): Promise<{ value: T; tags: string[] }> {
  const tags = new Set<string>();
  viewTagSink = tags;
  try {
    return { value: await compute(), tags: [...tags] };
  } finally {
    viewTagSink = undefined;
  }
}

export const nextCache = {
  revalidatePath: (path: string, type?: string) => void request.revalidated.push(type ? `${path} (${type})` : path),
  revalidateTag: (tag: string) => void request.revalidated.push(`tag:${tag}`),
  updateTag: (tag: string) => void request.revalidated.push(`tag:${tag}`),
  cacheTag: (...tags: string[]) => void tags.forEach((tag) => viewTagSink?.add(tag)),
  cacheLife: () => undefined,
};

export const nextIntlServer = {
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'en', messages: en, namespace: namespace as never }),
  getLocale: async () => 'en',
  getTimeZone: async () => 'UTC',
  getMessages: async () => en,
  getRequestConfig: (make: unknown) => make,
};

/** next-auth's auth() answers with the claims signInAs() set, as it would after decrypting the cookie. */
export const authModule = {
  auth: async () => request.session,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
};

/** The digest Next gives the errors thrown by unauthorized(), forbidden() and redirect(). */
export function digestOf(error: unknown): string {
  return String((error as { digest?: unknown })?.digest ?? error);
}

/** next-auth's error classes, which the sign-in action tells apart; the package itself needs Next's server runtime. */
class AuthError extends Error {}
class CredentialsSignin extends AuthError {
  code = 'credentials';
}
export const nextAuth = { AuthError, CredentialsSignin, default: () => ({}) };
