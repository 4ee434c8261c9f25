import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@/lib/auth/policy';
import type { SortDirection, UserSortColumn, UserStatus } from '@/lib/validation/users';
import type { Db } from '../client';
import { signInThrottles, users } from '../schema';
import { audit, type DbOrTx } from './audit';
import { columnsOf } from './columns';
import { signOutEverywhere } from './auth/account';
import { clearThrottle } from './auth/credentials';
import { issuePasswordToken } from './auth/tokens';

/**
 * User administration: the data access behind /admin/users and `npm run user:create`.
 * Callers authorize first ('users.manage'); these functions enforce the rules that hold whoever calls them:
 * an admin cannot disable or demote themselves, and the last active admin can never be disabled or demoted.
 * Each change is written in one transaction together with its audit row. Expected refusals are results, not
 * exceptions.
 */

export type UserError = 'duplicate_email' | 'last_admin' | 'self_change' | 'not_found' | 'user_disabled';
export type Failure<E extends UserError = UserError> = { ok: false; error: E };

/** What the admin screens and the audit log may show of a user: never a hash, a token or a TOTP secret. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  sessionVersion: number;
}

export interface UserListItem extends Omit<UserSummary, 'sessionVersion'> {
  lastSignInAt: Date | null;
  createdAt: Date;
  totpEnabled: boolean;
  /** Whether the user has set a password yet (an invited user has not). */
  passwordSet: boolean;
  /** Sign-in refused until this time after too many failures; null when not locked now. */
  lockedUntil: Date | null;
}

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  sessionVersion: users.sessionVersion,
};

/** The audit log's picture of a user. */
const auditView = (u: UserSummary) => ({ email: u.email, name: u.name, role: u.role, status: u.status });

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ListUsersOptions {
  search?: string;
  sort?: UserSortColumn;
  dir?: SortDirection;
  now?: Date;
}

/** Every user, optionally filtered by name or email, with their two-factor and sign-in-lock state. */
export async function listUsers(db: Db, options: ListUsersOptions = {}): Promise<UserListItem[]> {
  const now = options.now ?? new Date();
  // An account may be locked from several addresses: the latest lock still in force, one row per account.
  const locks = db
    .select({ email: signInThrottles.email, until: sql<Date>`max(${signInThrottles.lockedUntil})`.as('until') })
    .from(signInThrottles)
    .where(sql`${signInThrottles.lockedUntil} > ${now.toISOString()}::timestamptz`)
    .groupBy(signInThrottles.email)
    .as('locks');
  const lockedUntil = sql<Date | null>`${locks.until}`;
  const search = options.search?.trim();
  const where = search ? or(ilike(users.name, likePattern(search)), ilike(users.email, likePattern(search))) : undefined;
  const order = options.dir === 'desc' ? desc : asc;
  const sortColumns: Record<UserSortColumn, SQL> = {
    name: sql`lower(${users.name})`,
    email: sql`lower(${users.email})`,
    role: sql`${users.role}`,
    status: sql`${users.status}`,
    // Never signed in sorts as the oldest: last when newest first, first when oldest first.
    lastSignIn: options.dir === 'desc' ? sql`${users.lastSignInAt} desc nulls last` : sql`${users.lastSignInAt} asc nulls first`,
  };
  const sort = options.sort ?? 'name';
  const primary = sort === 'lastSignIn' ? sortColumns.lastSignIn : order(sortColumns[sort]);
  const rows = await db
    .select({
      ...columnsOf(users, 'id', 'email', 'name', 'role', 'status', 'lastSignInAt', 'createdAt', 'totpEnabledAt'),
      passwordSet: sql<boolean>`${users.passwordHash} is not null`,
      lockedUntil,
    })
    .from(users)
    // Throttles are keyed by the lower-cased email, whether or not an account has it.
    .leftJoin(locks, eq(locks.email, sql`lower(${users.email})`))
    .where(where)
    .orderBy(primary, asc(sql`lower(${users.email})`), asc(users.id));
  return rows.map(({ totpEnabledAt, lockedUntil: locked, ...row }) => ({
    ...row,
    totpEnabled: totpEnabledAt !== null,
    lockedUntil: locked === null ? null : new Date(locked),
  }));
}

export async function findUser(db: DbOrTx, userId: string): Promise<UserSummary | null> {
  const [row] = await db.select(summaryColumns).from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** Whether an account with this email exists, in any case. */
export async function emailTaken(db: DbOrTx, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row !== undefined;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Null when the system itself acts (the `user:create` command). */
  actorId: string | null;
  now?: Date;
}

/** Inserts the user, or reports the duplicate email (any case) that the unique index on lower(email) refused. */
async function insertUser(
  tx: DbOrTx,
  input: NewUser & { passwordHash?: string },
): Promise<{ ok: true; user: UserSummary } | Failure<'duplicate_email'>> {
  const [user] = await tx
    .insert(users)
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      role: input.role,
      passwordHash: input.passwordHash ?? null,
    })
    .onConflictDoNothing()
    .returning(summaryColumns);
  if (!user) return { ok: false, error: 'duplicate_email' };
  await audit(tx, 'user.create', ['user', user.id], input.actorId, {
    after: { ...auditView(user), passwordSet: input.passwordHash !== undefined },
  });
  return { ok: true, user };
}

export type CreateUserResult = { ok: true; user: UserSummary; token: string; expiresAt: Date } | Failure<'duplicate_email'>;

/**
 * Creates a user without a password and issues their one-time invitation (set-password) link, in one
 * transaction: either both exist or neither. The token is returned once and stored only hashed.
 */
export async function createUser(db: Db, input: NewUser): Promise<CreateUserResult> {
  return db.transaction(async (tx) => {
    const created = await insertUser(tx, input);
    if (!created.ok) return created;
    const { token, expiresAt } = await issuePasswordToken(tx, {
      userId: created.user.id,
      purpose: 'invite',
      createdBy: input.actorId,
      now: input.now,
    });
    return { ok: true, user: created.user, token, expiresAt };
  });
}

/** For `user:create --password-prompt`: a user with a password (already validated and hashed), no link. */
export async function createUserWithPassword(
  db: Db,
  input: NewUser & { passwordHash: string },
): Promise<{ ok: true; user: UserSummary } | Failure<'duplicate_email'>> {
  return db.transaction((tx) => insertUser(tx, input));
}

/**
 * Locks, in id order (so that concurrent changes cannot deadlock), the target user and every active admin,
 * then reports the target and how many active admins remain. Two admins demoting each other at once are thus
 * serialized: the second sees the first's change (Postgres re-checks the WHERE of a row it waited for) and is
 * refused as the last admin.
 */
async function lockTargetAndAdmins(tx: DbOrTx, userId: string) {
  const rows = await tx
    .select(summaryColumns)
    .from(users)
    .where(or(eq(users.id, userId), and(eq(users.role, 'admin'), eq(users.status, 'active'))))
    .orderBy(asc(users.id))
    .for('update');
  const target = rows.find((r) => r.id === userId) ?? null;
  const activeAdmins = rows.filter((r) => r.role === 'admin' && r.status === 'active').length;
  return { target, activeAdmins };
}

const isLastActiveAdmin = (target: UserSummary, activeAdmins: number) =>
  target.role === 'admin' && target.status === 'active' && activeAdmins <= 1;

export type ChangeResult =
  | { ok: true; user: UserSummary; changed: boolean }
  | Failure<'last_admin' | 'self_change' | 'not_found'>;

/**
 * Changes a user's role and bumps their session version, so their open sessions lose the old rights on the
 * next request. Setting the role a user already has changes nothing.
 */
export async function changeRole(db: Db, input: { userId: string; role: Role; actorId: string | null }): Promise<ChangeResult> {
  return db.transaction(async (tx): Promise<ChangeResult> => {
    const { target, activeAdmins } = await lockTargetAndAdmins(tx, input.userId);
    if (!target) return { ok: false, error: 'not_found' };
    if (target.role === input.role) return { ok: true, user: target, changed: false };
    if (target.id === input.actorId) return { ok: false, error: 'self_change' };
    if (isLastActiveAdmin(target, activeAdmins)) return { ok: false, error: 'last_admin' };
    const [user] = await tx
      .update(users)
      .set({ role: input.role, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, target.id))
      .returning(summaryColumns);
    await audit(tx, 'user.role_change', ['user', target.id], input.actorId, {
      before: { role: target.role },
      after: { role: input.role },
    });
    return { ok: true, user: user!, changed: true };
  });
}

/**
 * Disables or re-enables a user. Disabling bumps the session version (their sessions end on the next request);
 * re-enabling does not need to, since a disabled user's sessions were already ended.
 */
export async function setStatus(
  db: Db,
  input: { userId: string; status: UserStatus; actorId: string | null },
): Promise<ChangeResult> {
  return db.transaction(async (tx): Promise<ChangeResult> => {
    const { target, activeAdmins } = await lockTargetAndAdmins(tx, input.userId);
    if (!target) return { ok: false, error: 'not_found' };
    if (target.status === input.status) return { ok: true, user: target, changed: false };
    const disabling = input.status === 'disabled';
    if (disabling && target.id === input.actorId) return { ok: false, error: 'self_change' };
    if (disabling && isLastActiveAdmin(target, activeAdmins)) return { ok: false, error: 'last_admin' };
    const [user] = await tx
      .update(users)
      .set(disabling ? { status: input.status, sessionVersion: sql`${users.sessionVersion} + 1` } : { status: input.status })
      .where(eq(users.id, target.id))
      .returning(summaryColumns);
    await audit(tx, disabling ? 'user.disable' : 'user.enable', ['user', target.id], input.actorId, {
      before: { status: target.status },
      after: { status: input.status },
    });
    return { ok: true, user: user!, changed: true };
  });
}

export type ResetLinkResult =
  | { ok: true; user: UserSummary; token: string; expiresAt: Date; purpose: 'invite' | 'reset' }
  | Failure<'not_found' | 'user_disabled'>;

/**
 * Issues a one-time set-password link for a user: a reset link, or a fresh invitation when the user has never
 * set a password. Their current password keeps working until the link is used.
 */
export async function issueResetLink(
  db: Db,
  input: { userId: string; actorId: string | null; now?: Date },
): Promise<ResetLinkResult> {
  return db.transaction(async (tx): Promise<ResetLinkResult> => {
    const [row] = await tx
      .select({ ...summaryColumns, passwordSet: sql<boolean>`${users.passwordHash} is not null` })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!row) return { ok: false, error: 'not_found' };
    const { passwordSet, ...user } = row;
    // The set-password page refuses a disabled user's link: enable the account first.
    if (user.status !== 'active') return { ok: false, error: 'user_disabled' };
    const purpose = passwordSet ? 'reset' : 'invite';
    const { token, expiresAt } = await issuePasswordToken(tx, {
      userId: user.id,
      purpose,
      createdBy: input.actorId,
      now: input.now,
    });
    await audit(tx, 'user.reset_link', ['user', user.id], input.actorId, {
      after: { purpose, expiresAt: expiresAt.toISOString() },
    });
    return { ok: true, user, token, expiresAt, purpose };
  });
}

/**
 * Ends every open session of a user (bumps the session version) without changing anything else; audited as
 * 'auth.sign_out_everywhere' by the account service, which a user's own "sign out everywhere" shares.
 */
export async function signOutUserEverywhere(
  db: Db,
  input: { userId: string; actorId: string },
): Promise<{ ok: true; user: UserSummary } | Failure<'not_found'>> {
  const user = await findUser(db, input.userId);
  if (!user) return { ok: false, error: 'not_found' };
  const updated = await signOutEverywhere(db, input);
  if (!updated) return { ok: false, error: 'not_found' };
  return { ok: true, user: { ...user, sessionVersion: updated.sessionVersion } };
}

/** Lets a user locked out by failed sign-ins try again at once (audited as 'auth.throttle_cleared'). */
export async function clearSignInLock(
  db: Db,
  input: { userId: string; actorId: string },
): Promise<{ ok: true; user: UserSummary; cleared: boolean } | Failure<'not_found'>> {
  const user = await findUser(db, input.userId);
  if (!user) return { ok: false, error: 'not_found' };
  const { cleared } = await clearThrottle(db, { email: user.email, actorId: input.actorId });
  return { ok: true, user, cleared };
}
