import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { authConfig } from './auth.config';
import { getDb } from './db';
import { verifyCredentials } from './db/queries/auth/credentials';
import { verifySecondFactorSignIn } from './db/queries/auth/second-factor-sign-in';
import { clientIp } from './lib/auth/client-ip';
import { localeCookie } from './lib/i18n/config';
import {
  CHALLENGE_TTL_SECONDS,
  challengeCookieName,
  createChallenge,
  readChallenge,
} from './lib/auth/sign-in-challenge';

export type SignInRefusal = 'invalid' | 'locked' | 'rate_limited' | 'second_factor' | 'challenge_expired';

/**
 * The codes the sign-in form turns into messages; none tells an unknown email from a wrong password. The
 * wait, when locked, travels in the code ("locked:120") so that the form can say how long.
 */
class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInRefusal, retryAfterSeconds?: number) {
    super();
    this.code = retryAfterSeconds ? `${reason}:${retryAfterSeconds}` : reason;
  }
}

const credentialsSchema = z.union([
  z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }),
  z.object({ code: z.string().trim().min(1).max(64) }),
]);

/** The user's stored language follows them to this browser. */
function rememberLocale(jar: Awaited<ReturnType<typeof cookies>>, locale: string | null) {
  if (locale) jar.set(localeCookie, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}

type Refusable = { status: 'invalid' } | { status: 'locked' | 'rate_limited'; retryAfterSeconds: number };
function refuse(result: Refusable): never {
  throw new SignInRefused(result.status, 'retryAfterSeconds' in result ? result.retryAfterSeconds : undefined);
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused('invalid');
        const db = await getDb();
        const ip = clientIp();
        const jar = await cookies();
        const secure = request.url.startsWith('https:');
        const challengeName = challengeCookieName(secure);

        if ('code' in parsed.data) {
          // Step two: the code, for the user named by the encrypted challenge from step one.
          const challenge = readChallenge(jar.get(challengeName)?.value);
          if (!challenge) throw new SignInRefused('challenge_expired');
          const result = await verifySecondFactorSignIn(db, { ...challenge, code: parsed.data.code, ip });
          if (result.status !== 'ok') refuse(result);
          jar.delete(challengeName);
          const { user } = result;
          rememberLocale(jar, user.locale);
          return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
        }

        const result = await verifyCredentials(db, { ...parsed.data, ip });
        if (result.status === 'second_factor') {
          jar.set(challengeName, createChallenge(result.user.id, result.user.sessionVersion), {
            httpOnly: true,
            secure,
            sameSite: 'strict',
            path: '/',
            maxAge: CHALLENGE_TTL_SECONDS,
          });
          throw new SignInRefused('second_factor');
        }
        if (result.status !== 'ok') refuse(result);
        const { user } = result;
        rememberLocale(jar, user.locale);
        return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
});
