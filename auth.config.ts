import type { NextAuthConfig } from 'next-auth';
import { encode, type JWT } from 'next-auth/jwt';
import { decodeSessionToken } from '@/lib/auth/decoded-sessions';
import type { Role } from '@/lib/auth/policy';

/** Sessions end after 8 hours without a request, and 7 days after sign-in at the latest. */
export const IDLE_TIMEOUT_SECONDS = 8 * 60 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;
/**
 * A session cookie younger than this is handed back as it came instead of being encrypted anew: next-auth's JWT
 * strategy re-encrypts the cookie whenever it reads a session (its `updateAge` only throttles database sessions).
 * The idle timeout therefore counts from the latest refresh, at most this long after the latest request.
 */
export const SESSION_REFRESH_SECONDS = 5 * 60;

/** The cookie each decoded token came from, for `encode` to hand back when nothing is due (see above). */
const issuedAs = new WeakMap<object, string>();

declare module 'next-auth' {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; email: string; name: string; sid?: string };
    /** When the cookie's token was issued (seconds): the proxy counts its next refresh from it. */
    issuedAt?: number;
  }
}

interface AppToken {
  uid?: string;
  role?: Role;
  sv?: number;
  authTime?: number;
  /** This session's id: "Sign out" lists it in revoked_sessions, so a re-issued copy of the cookie is dead. */
  sid?: string;
}

/**
 * The part of the next-auth configuration without database or hashing, shared by the proxy and auth.ts.
 * Credentials sessions are signed JWTs; data/auth/session.ts checks each one against the users table on every
 * request, so a disabled user, a changed role or a bumped session version loses access at once.
 */
export const authConfig = {
  pages: { signIn: '/sign-in', error: '/sign-in' },
  session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
  jwt: {
    async decode(params) {
      const payload = await decodeSessionToken(params);
      if (payload && params.token) issuedAs.set(payload, params.token);
      return payload;
    },
    // The jwt callback returns the decoded object itself unless it changed the claims (sign-in makes a new one).
    async encode(params) {
      const previous = params.token ? issuedAs.get(params.token) : undefined;
      const issuedAt = (params.token as JWT | undefined)?.iat;
      if (previous && typeof issuedAt === 'number' && Date.now() / 1000 - issuedAt < SESSION_REFRESH_SECONDS) return previous;
      return encode(params);
    },
  },
  trustHost: true,
  providers: [],
  logger: {
    // A wrong password is not a server error: next-auth would log a stack trace for each one.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === 'CredentialsSignin' || error.name === 'CredentialsSignin') {
        const code = (error as { code?: string }).code ?? 'invalid';
        console.warn(JSON.stringify({ time: new Date().toISOString(), level: 'warn', event: 'auth.sign_in_refused', reason: code.split(':')[0] }));
        return;
      }
      console.error(JSON.stringify({ level: 'error', source: 'auth', name: error.name, message: error.message }));
    },
    warn() {},
  },
  callbacks: {
    jwt({ token, user }) {
      const t = token as typeof token & AppToken;
      if (user?.id) {
        t.uid = user.id;
        t.role = user.role;
        t.sv = user.sessionVersion;
        t.authTime = Math.floor(Date.now() / 1000);
        t.sid = crypto.randomUUID();
      }
      if (t.authTime && Date.now() / 1000 - t.authTime > ABSOLUTE_TIMEOUT_SECONDS) return null;
      return t;
    },
    session({ session, token }) {
      const t = token as typeof token & AppToken;
      if (t.uid && t.role && t.sv !== undefined) {
        session.user = { ...session.user, id: t.uid, role: t.role, sessionVersion: t.sv, sid: t.sid };
      }
      if (typeof t.iat === 'number') session.issuedAt = t.iat;
      return session;
    },
  },
} satisfies NextAuthConfig;
