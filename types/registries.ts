/**
 * The registries shapes that components render, shared by both sides: the data layer answers them, the components take
 * them as props. Type-only re-exports of where each is computed, so a component never depends on db/ or data/.
 */
export type { Activity } from '@/db/queries/registries/activities';
export type { City } from '@/db/queries/registries/cities';
export type { Cluster } from '@/db/queries/registries/clusters';
export type { Partner } from '@/db/queries/registries/partners';
export type { AuditRow, HistoryRow, Page } from '@/db/queries/registries/shared';
export type { SupportRequest } from '@/db/queries/registries/support-requests';
export type { WriteResult } from '@/db/queries/registries/shared';
