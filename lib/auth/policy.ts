/**
 * The one authorization policy. Every server action, route handler and data read asks `can()` (through
 * data/auth/session.ts) before doing anything; the proxy only redirects anonymous visitors.
 * Unknown roles and unknown actions are refused.
 */

export const roles = ['admin', 'staff', 'committee'] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const staffAndAdmins: readonly Role[] = ['admin', 'staff'];
const adminsOnly: readonly Role[] = ['admin'];

export const permissions = {
  /** Dashboards, charts, indicator and goal pages, registries read-only, reports. */
  'dashboard.read': everyone,
  'report.export': everyone,
  /** Comment on indicators and meeting items. */
  'comment.write': everyone,
  /** One's own account: password, two-factor, language, sign out everywhere. */
  'account.manage': everyone,
  /** One's own personal access tokens for the API (create, list, revoke); admins revoke anyone's (users.manage). */
  'token.manage': everyone,
  'progress.log': staffAndAdmins,
  'progress.import': staffAndAdmins,
  'registry.edit': staffAndAdmins,
  'registry.import': staffAndAdmins,
  'meeting.edit': staffAndAdmins,
  /** Draft (from the numbers) and edit the progress narrative of a Steering Committee meeting. */
  'narrative.edit': staffAndAdmins,
  /** Approve a narrative for the committee: also subject to mayApproveNarrative (never one's own text). */
  'narrative.approve': staffAndAdmins,
  /** Record, correct and import expenditures against the budget lines. */
  'expenditure.record': staffAndAdmins,
  /** The plan's results as an IATI 2.03 activity file (for donors' systems). */
  'iati.export': staffAndAdmins,
  /**
   * Approve or return a submitted update: also subject to reviewVerdict (an admin, or a reviewer named for the
   * update's goal; never one's own update).
   */
  'progress.approve': staffAndAdmins,
  /** Decide withdrawal requests; see every goal's review queue. */
  'progress.review': adminsOnly,
  'period.lock': adminsOnly,
  'plan.edit': adminsOnly,
  /** Budget lines, their revisions and the plan's budget currency. */
  'budget.edit': adminsOnly,
  'users.manage': adminsOnly,
  'audit.read': adminsOnly,
  'settings.manage': adminsOnly,
  /** Read-only share links to the committee report or a goal's charts, for people without an account. */
  'share.manage': adminsOnly,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(permissions, value);
}

/** Whether a role may perform an action; false for anything unknown. */
export function can(role: unknown, action: unknown): boolean {
  if (!isRole(role) || !isAction(action)) return false;
  return (permissions[action] as readonly Role[]).includes(role);
}

/**
 * Four eyes on what the committee reads: a narrative's text is approved by staff or an admin who did not write
 * it (neither its last editor nor, for an unedited draft, whoever drafted it). Admins are no exception: the
 * approval is there to be a second reading, and a team of two can always provide one.
 */
export function mayApproveNarrative(approver: { id: string; role: unknown }, author: { id: string | null }): boolean {
  if (!can(approver.role, 'narrative.approve')) return false;
  return author.id === null || author.id !== approver.id;
}

/**
 * Whether a user may approve or return one submitted update, and if not why. Separated duties: the reporter and the
 * last editor of an update never decide on it, whatever their role (the same second reading as for narratives);
 * otherwise admins review every goal and staff the goals an admin named them reviewer of.
 */
export type ReviewVerdict = 'allowed' | 'own' | 'notReviewer';

export function reviewVerdict(reviewer: { role: unknown; reviewsGoal: boolean }, update: { own: boolean }): ReviewVerdict {
  if (!can(reviewer.role, 'progress.approve')) return 'notReviewer';
  if (update.own) return 'own';
  if (can(reviewer.role, 'progress.review') || reviewer.reviewsGoal) return 'allowed';
  return 'notReviewer';
}

/** Who may be named a goal's reviewer: anyone who may approve updates at all (staff and admins). */
export function mayBeReviewer(role: unknown): boolean {
  return can(role, 'progress.approve');
}

/**
 * Whether a user may see an update's evidence (its link and files, and download them): whoever reads the dashboards,
 * except for a draft, which its reporter has not submitted yet and which only those who log progress see.
 */
export function mayReadUpdateEvidence(user: { role: unknown }, update: { status: string }): boolean {
  if (!can(user.role, 'dashboard.read')) return false;
  return update.status !== 'draft' || can(user.role, 'progress.log');
}

/** A personal access token's scope: `write` includes `read`. */
export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

/**
 * What a token may do, within its owner's role: reading and exporting, and with `write` logging progress. Nothing
 * else is ever done with a token — no account, admin, import, review or lock action — whatever the owner's role.
 */
const scopeActions: Record<TokenScope, readonly Action[]> = {
  read: ['dashboard.read', 'report.export', 'iati.export'],
  write: ['dashboard.read', 'report.export', 'iati.export', 'progress.log'],
};

/** Whether a token of this scope, held by a user of this role, may perform an action. */
export function canWithToken(role: unknown, scope: TokenScope, action: unknown): boolean {
  return can(role, action) && (scopeActions[scope] as readonly unknown[]).includes(action);
}

/** Whether a user of this role may make a token of this scope (a scope that would grant them nothing is refused). */
export function mayIssueTokenScope(role: unknown, scope: TokenScope): boolean {
  return can(role, scope === 'write' ? 'progress.log' : 'dashboard.read');
}

/** The scopes a token of this scope carries, as the API reports them. */
export function scopesOf(scope: TokenScope): TokenScope[] {
  return scope === 'write' ? ['read', 'write'] : ['read'];
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super('Sign in to continue.');
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(readonly action: string) {
    super(`Your role does not allow this (${action}).`);
    this.name = 'ForbiddenError';
  }
}
