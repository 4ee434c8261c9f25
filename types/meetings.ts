/**
 * The meetings shapes that components render, shared by both sides: the data layer answers them, the components take
 * them as props. Type-only re-exports of where each is computed, so a component never depends on db/ or data/.
 */
export type { Pack } from '@/data/meetings-pack';
export type { ItemLink, ItemRow } from '@/db/queries/meetings/items';
export type { ReportIndicator } from '@/db/queries/report/committee';
export type { CommentRow } from '@/db/queries/comments';
export type { CommitteeReport } from '@/db/queries/report/committee';
export type { ReportEvidenceRow } from '@/db/queries/report/evidence';
