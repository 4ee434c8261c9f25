/**
 * The updates shapes that components render, shared by both sides: the data layer answers them, the components take
 * them as props. Type-only re-exports of where each is computed, so a component never depends on db/ or data/.
 */
export type { loadReviewQueue } from '@/data/updates';
export type { PlaceNames, UpdateListItem } from '@/db/queries/updates/history';
export type { LockListItem } from '@/db/queries/updates/locks';
export type { OpenWithdrawal } from '@/db/queries/updates/withdrawals';
