import 'server-only';

/**
 * The writes of the two forms on every page, the language switch and "Sign out". Apart from ./account.ts, whose
 * password rules (a 49,000-word list), two-factor and token modules every page would otherwise load for them.
 */
export { setOwnLocale } from '@/db/queries/auth/locale';
export { revokeSession } from '@/db/queries/auth/revoked-sessions';
