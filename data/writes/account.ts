import 'server-only';

/**
 * The writes of a user's own account that its server actions call (app/(auth)/set-password, app/(dashboard)/account,
 * notification choices; the sign-out and language switches are in ./session.ts): each is a db/queries function
 * that writes its change and its audit row in one transaction. Actions authorize through the policy
 * (data/action.ts) before calling them; app/ reaches the database only through data/, so this list and
 * ./session.ts are what the account's actions may write.
 */
export { changeOwnPassword, signOutEverywhere } from '@/db/queries/auth/account';
export { issueApiToken, revokeApiToken } from '@/db/queries/auth/api-tokens';
export { verifyAccountSecondFactor } from '@/db/queries/auth/second-factor-sign-in';
export { consumePasswordToken } from '@/db/queries/auth/tokens';
export {
  beginTotpEnrolment,
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  TwoFactorStateError,
} from '@/db/queries/auth/two-factor';
export { markRead, saveEmailChoices } from '@/db/queries/notifications/read';
