/**
 * The plans shapes that components render, shared by both sides: the data layer answers them, the components take
 * them as props. Type-only re-exports of where each is computed, so a component never depends on db/ or data/.
 */
export type { PlanDetail, PlanDetailIndicator, PlanListItem } from '@/db/queries/plan-admin/read';
export type { TargetHistory } from '@/db/queries/plan-admin/targets-in-force';
export type { Failure as PlanWriteFailure } from '@/db/queries/plan-admin/common';
