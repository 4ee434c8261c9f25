/**
 * The overview shapes that components render, shared by both sides: the data layer answers them, the components take
 * them as props. Type-only re-exports of where each is computed, so a component never depends on db/ or data/.
 */
import type { overviewTilesView, overviewView } from '@/data/views';

export type { OverviewGoal, OverviewIndicator, OverviewQuery } from '@/db/queries/overview';
/** The overview's cached view: the figures (undefined without a plan), the plans and clusters its filters offer. */
export type OverviewData = NonNullable<Awaited<ReturnType<typeof overviewView>>>;
/** The registry tiles of the same view. */
export type OverviewTiles = Awaited<ReturnType<typeof overviewTilesView>>;
