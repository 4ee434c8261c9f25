import type { Action } from './policy';

/**
 * What each route requires: the action the page or handler checks through the policy, or 'public'.
 * tests/unit/route-access.test.ts gathers every page and route handler from app/ and fails when one is
 * missing here, and the browser matrix (tests/e2e/access-matrix.spec.ts) requests each as every role.
 * Dynamic segments are written as in the app tree.
 */
export const routeAccess: Record<string, Action | 'public'> = {
  '/': 'dashboard.read',
  '/sign-in': 'public',
  '/set-password/[token]': 'public',
  '/account': 'account.manage',
  '/account/two-factor': 'account.manage',
  '/admin/users': 'users.manage',
  '/admin/settings': 'settings.manage',
  '/api/health': 'public',
  '/api/auth/[...nextauth]': 'public',
};

/**
 * Server actions by module and export name, with the action each checks first (requireActionUser), or
 * 'public' / 'session' for the few that need no role (sign-in, set-password by token, sign-out).
 */
export const serverActionAccess: Record<string, Action | 'public' | 'session'> = {
  'app/(auth)/sign-in/actions.ts#signInAction': 'public',
  'app/(auth)/set-password/[token]/actions.ts#setPasswordAction': 'public',
  'app/(dashboard)/actions.ts#signOutAction': 'session',
  'app/(dashboard)/account/actions.ts#changePasswordAction': 'account.manage',
  'app/(dashboard)/account/actions.ts#signOutEverywhereAction': 'account.manage',
  'app/(dashboard)/admin/users/actions.ts#createUserAction': 'users.manage',
  'app/(dashboard)/admin/users/actions.ts#changeRoleAction': 'users.manage',
  'app/(dashboard)/admin/users/actions.ts#setStatusAction': 'users.manage',
  'app/(dashboard)/admin/users/actions.ts#issueResetLinkAction': 'users.manage',
  'app/(dashboard)/admin/users/actions.ts#signOutEverywhereAction': 'users.manage',
  'app/(dashboard)/admin/users/actions.ts#clearSignInLockAction': 'users.manage',
  'app/(dashboard)/account/two-factor/actions.ts#beginTotpEnrolmentAction': 'account.manage',
  'app/(dashboard)/account/two-factor/actions.ts#cancelTotpEnrolmentAction': 'account.manage',
  'app/(dashboard)/account/two-factor/actions.ts#confirmTotpEnrolmentAction': 'account.manage',
  'app/(dashboard)/account/two-factor/actions.ts#regenerateRecoveryCodesAction': 'account.manage',
  'app/(dashboard)/account/two-factor/actions.ts#disableTotpAction': 'account.manage',
  'app/(dashboard)/admin/settings/actions.ts#saveAdminSettingsAction': 'settings.manage',
};
