/**
 * The users shapes that components render, shared by both sides: the data layer answers them, the components take
 * them as props. Type-only re-exports of where each is computed, so a component never depends on db/ or data/.
 */
export type { CurrentUser } from '@/data/auth/session';
export type { UserListItem } from '@/db/queries/users';
export type { AuditFilters } from '@/db/queries/audit-log';
export type { TotpEnrolment } from '@/db/queries/auth/two-factor';
export type { CodePurpose } from '@/db/queries/auth/second-factor-sign-in';
