import 'server-only';

/**
 * The administration's writes that its server actions call (users, the two-factor requirement, share links): each
 * a db/queries function that writes its change and its audit row in one transaction. Actions authorize through
 * the policy (data/action.ts) before calling them; app/ reaches the database only through data/.
 */
export { setAdminsMustUseTwoFactor } from '@/db/queries/auth/two-factor';
export { issueShareLink, revokeShareLink } from '@/db/queries/share-links';
export { changeRole, clearSignInLock, createUser, issueResetLink, setStatus, signOutUserEverywhere, type UserError } from '@/db/queries/users';
