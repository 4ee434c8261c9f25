import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { mayIssueTokenScope, type Role, type TokenScope } from '@/lib/auth/policy';
import type { Db } from '../../client';
import { apiTokens, users } from '../../schema';
import { writeAudit } from '../audit';

/**
 * Personal access tokens. A token reads `srm_` + 32 random bytes in base64url; it is returned once, when made,
 * and only its SHA-256 is stored. SHA-256, not argon2: with 256 bits of entropy a fast hash cannot be
 * brute-forced, and a deterministic hash is what lets every API request find its token by an indexed lookup
 * instead of paying argon2's deliberate cost on every request. A leaked table yields no usable token.
 */
const TOKEN_PREFIX = 'srm_';
const TOKEN_SHAPE = /^srm_[A-Za-z0-9_-]{43}$/;
/** How stale last_used_at may get before a request writes it again (one write a minute, not one a request). */
const LAST_USED_RESOLUTION_SECONDS = 60;

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type ApiTokenRow = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

export type IssueResult =
  | { ok: true; token: string; row: ApiTokenRow }
  | { ok: false; reason: 'user_inactive' | 'scope_not_allowed' };

/** Makes a token for a user and returns it ONCE; the audit row (without the token) in the same transaction. */
export async function issueApiToken(
  db: Db,
  input: { userId: string; name: string; scope: TokenScope; days: number; actorId: string | null; now?: Date },
): Promise<IssueResult> {
  const now = input.now ?? new Date();
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx): Promise<IssueResult> => {
    const [user] = await tx
      .select({ id: users.id, role: users.role, status: users.status })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!user || user.status !== 'active') return { ok: false, reason: 'user_inactive' };
    if (!mayIssueTokenScope(user.role, input.scope)) return { ok: false, reason: 'scope_not_allowed' };
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: user.id,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        scope: input.scope,
        role: user.role,
        expiresAt: new Date(now.getTime() + input.days * 86_400_000),
        createdAt: now,
      })
      .returning();
    const { tokenHash: _hash, ...shown } = row!;
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: shown.id,
      after: { userId: shown.userId, name: shown.name, prefix: shown.prefix, scope: shown.scope, expiresAt: shown.expiresAt },
    });
    return { ok: true, token, row: shown };
  });
}

const shownColumns = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  role: apiTokens.role,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  revokedBy: apiTokens.revokedBy,
  createdAt: apiTokens.createdAt,
};

/** A user's tokens, newest first (revoked and expired ones too, so the owner sees what happened). */
export async function listOwnApiTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.select(shownColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).limit(100);
}

/** Every live token (not revoked, not expired) with its owner, for the admins' list. */
export async function listLiveApiTokens(db: Db, now = new Date()) {
  return db
    .select({ ...shownColumns, ownerEmail: users.email, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}

/**
 * Revokes a token: by its owner (`ownerId` set: someone else's token reads as unknown) or by an admin (`ownerId`
 * null). The audit row in the same transaction. Revoking twice changes nothing.
 */
export async function revokeApiToken(
  db: Db,
  input: { tokenId: string; actorId: string; ownerId: string | null; now?: Date },
): Promise<{ ok: boolean }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now, revokedBy: input.actorId })
      .where(
        and(
          eq(apiTokens.id, input.tokenId),
          isNull(apiTokens.revokedAt),
          input.ownerId ? eq(apiTokens.userId, input.ownerId) : undefined,
        ),
      )
      .returning({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!row) return { ok: false };
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      before: { userId: row.userId, name: row.name, prefix: row.prefix },
    });
    return { ok: true };
  });
}

export interface TokenHolder {
  tokenId: string;
  scope: TokenScope;
  user: { id: string; email: string; name: string; role: Role; locale: 'en' | 'zh' | null; totpEnabled: boolean };
}

export type TokenCheck = { ok: true; holder: TokenHolder } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' | 'user_inactive' | 'role_changed' };

/**
 * The holder of a presented token, checked against the database on every request: the token revoked or expired,
 * its owner disabled or no longer in the role it was made under, and it is refused. Records the last use.
 */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<TokenCheck> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
  const [row] = await db
    .select({
      id: apiTokens.id,
      scope: apiTokens.scope,
      tokenRole: apiTokens.role,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, status: users.status, locale: users.locale, totpEnabledAt: users.totpEnabledAt },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (row.user.status !== 'active') return { ok: false, reason: 'user_inactive' };
  if (row.user.role !== row.tokenRole) return { ok: false, reason: 'role_changed' };
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`${now.toISOString()}::timestamptz - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})`)),
      ),
    );
  const { status: _status, totpEnabledAt, ...user } = row.user;
  return { ok: true, holder: { tokenId: row.id, scope: row.scope, user: { ...user, totpEnabled: totpEnabledAt !== null } } };
}
