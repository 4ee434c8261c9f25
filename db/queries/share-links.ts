import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { goals, shareLinks, users, workPlans } from '../schema';
import { writeAudit } from './audit';
import { columnsOf } from './columns';
import { findPlan } from './plans';

/**
 * Read-only share links. A link reads `/share/shr_` + 32 random bytes in base64url; the secret is returned once,
 * when made, and only its SHA-256 is stored (as for API tokens: 256 random bits make a fast hash safe and let each
 * view find its link by an indexed lookup). Every view checks revocation and expiry against the row, so a revoked
 * link stops working on the very next request.
 */
const LINK_PREFIX = 'shr_';
const LINK_SHAPE = /^shr_[A-Za-z0-9_-]{43}$/;

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type ShareLinkKind = (typeof shareLinks.kind.enumValues)[number];

export type IssueShareLinkResult =
  | { ok: true; token: string; id: string }
  | { ok: false; reason: 'plan_unknown' | 'goal_unknown' | 'as_of_outside_plan' };

export async function issueShareLink(
  db: Db,
  input: { kind: ShareLinkKind; year: number; goalCode: string | null; asOf: string; days: number; label: string; actorId: string | null; now?: Date },
): Promise<IssueShareLinkResult> {
  const now = input.now ?? new Date();
  const token = `${LINK_PREFIX}${randomBytes(32).toString('base64url')}`;
  // The plan of that year as every page picks it (endorsed or closed before a draft).
  const found = await findPlan(db, input.year);
  const plan = found?.year === input.year ? found : undefined;
  return db.transaction(async (tx): Promise<IssueShareLinkResult> => {
    if (!plan) return { ok: false, reason: 'plan_unknown' };
    if (input.asOf < plan.startDate || input.asOf > plan.endDate) return { ok: false, reason: 'as_of_outside_plan' };
    if (input.kind === 'goal') {
      const [goal] = await tx
        .select({ id: goals.id })
        .from(goals)
        .where(and(eq(goals.planId, plan.id), eq(goals.code, input.goalCode ?? ''), isNull(goals.retiredAt)));
      if (!goal) return { ok: false, reason: 'goal_unknown' };
    }
    const [row] = await tx
      .insert(shareLinks)
      .values({
        tokenHash: hashShareToken(token),
        prefix: token.slice(0, LINK_PREFIX.length + 6),
        label: input.label,
        kind: input.kind,
        planId: plan.id,
        goalCode: input.kind === 'goal' ? input.goalCode : null,
        asOf: input.asOf,
        expiresAt: new Date(now.getTime() + input.days * 86_400_000),
        createdBy: input.actorId,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, {
      actorId: input.actorId,
      action: 'share_link.create',
      entityType: 'share_link',
      entityId: row!.id,
      after: { label: row!.label, prefix: row!.prefix, kind: row!.kind, year: input.year, goalCode: row!.goalCode, asOf: row!.asOf, expiresAt: row!.expiresAt },
    });
    return { ok: true, token, id: row!.id };
  });
}

/** Every link, newest first, with its plan year, creator, views and state (revoked and expired ones too). */
export async function listShareLinks(db: Db) {
  return db
    .select({
      ...columnsOf(shareLinks, 'id', 'label', 'prefix', 'kind', 'goalCode', 'asOf', 'expiresAt', 'createdAt', 'revokedAt', 'viewCount', 'lastViewedAt'),
      year: workPlans.year,
      createdByName: users.name,
    })
    .from(shareLinks)
    .innerJoin(workPlans, eq(workPlans.id, shareLinks.planId))
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .orderBy(desc(shareLinks.createdAt))
    .limit(500);
}
export type ShareLinkRow = Awaited<ReturnType<typeof listShareLinks>>[number];

/** Revokes a link (audited). Revoking twice, or an unknown id, changes nothing. */
export async function revokeShareLink(db: Db, input: { id: string; actorId: string; now?: Date }): Promise<{ ok: boolean }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(shareLinks)
      .set({ revokedAt: now, revokedBy: input.actorId })
      .where(and(eq(shareLinks.id, input.id), isNull(shareLinks.revokedAt)))
      .returning({ id: shareLinks.id, label: shareLinks.label, prefix: shareLinks.prefix });
    if (!row) return { ok: false };
    await writeAudit(tx, { actorId: input.actorId, action: 'share_link.revoke', entityType: 'share_link', entityId: row.id, before: { label: row.label, prefix: row.prefix } });
    return { ok: true };
  });
}

export interface SharedView {
  id: string;
  kind: ShareLinkKind;
  year: number;
  goalCode: string | null;
  asOf: string;
  expiresAt: Date;
}

export type ShareLinkCheck = { ok: true; view: SharedView } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' };

/**
 * The page a presented link shows, checked against its row on every request, and the view counted (its count
 * and last-viewed time). Refused links count nothing.
 */
export async function openShareLink(db: Db, token: string, now = new Date()): Promise<ShareLinkCheck> {
  if (!LINK_SHAPE.test(token)) return { ok: false, reason: 'malformed' };
  const [row] = await db
    .select({ ...columnsOf(shareLinks, 'id', 'kind', 'goalCode', 'asOf', 'expiresAt', 'revokedAt'), year: workPlans.year })
    .from(shareLinks)
    .innerJoin(workPlans, eq(workPlans.id, shareLinks.planId))
    .where(eq(shareLinks.tokenHash, hashShareToken(token)));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revokedAt) return { ok: false, reason: 'revoked' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  // Counted only while still live: a revoke committed meanwhile wins.
  await db
    .update(shareLinks)
    .set({ viewCount: sql`${shareLinks.viewCount} + 1`, lastViewedAt: now })
    .where(and(eq(shareLinks.id, row.id), isNull(shareLinks.revokedAt)));
  const { revokedAt: _revoked, ...view } = row;
  return { ok: true, view };
}
