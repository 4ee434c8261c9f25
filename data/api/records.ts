import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db';
import { listActivities } from '@/db/queries/registries/activities';
import { listCities } from '@/db/queries/registries/cities';
import { listClusters } from '@/db/queries/registries/clusters';
import { listPartners } from '@/db/queries/registries/partners';
import type { Page } from '@/db/queries/registries/shared';
import { listSupportRequests } from '@/db/queries/registries/support-requests';
import { findMeeting, listMeetings } from '@/db/queries/meetings/meetings';
import { itemLinks, meetingItemsOf } from '@/db/queries/meetings/items';
import { listUpdates, type UpdateListRow } from '@/db/queries/updates/lists';
import { encodeCursor, pageByOffset } from '@/lib/api/cursor';
import { ApiProblem } from '@/lib/api/problems';
import type { meetingsQuery, RegistryName, registryQuery, updatesQuery } from '@/lib/validation/api';
import type { RegistryListParams } from '@/lib/validation/registries';
import { asOfForMeeting } from '@/data/meetings-as-of';
import { planPeriodChoices } from '@/lib/periods';
import { afterOf, offsetOf } from './paging';
import { planByYear } from './plans';

/** The API's progress updates, registries and meetings: the same queries, with the same filters, as their pages. */

type UpdateFields = Pick<UpdateListRow, 'periodStart' | 'periodEnd' | 'value' | 'numerator' | 'denominator' | 'status' | 'note' | 'evidenceUrl'>;

/** An update's figure as the API shows it, in the list and in the answer to a create alike. */
export const figureOut = (u: UpdateFields, unit: string) => ({
  period: { start: u.periodStart, end: u.periodEnd },
  value: { value: u.value, unit },
  numerator: u.numerator,
  denominator: u.denominator,
});

/** An update's state as the API shows it: its status, note and evidence link. */
export const stateOut = (u: UpdateFields) => ({ status: u.status, note: u.note, evidence: u.evidenceUrl ? { url: u.evidenceUrl } : null });

export function updateOut(u: UpdateListRow) {
  return {
    id: u.id,
    version: u.version,
    goal: u.goalCode,
    indicator: u.indicatorCode,
    ...figureOut(u, u.unit),
    place: { city: u.cityName, cluster: u.clusterName, partner: u.partnerName },
    ...stateOut(u),
    reporter: u.reporterName,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    review: u.reviewedAt ? { by: u.reviewerName, at: u.reviewedAt, comment: u.reviewComment } : null,
  };
}

export async function apiUpdates(year: number, query: z.infer<typeof updatesQuery>) {
  const plan = await planByYear(year);
  const period = query.period ? planPeriodChoices(plan).find((p) => p.key === query.period) : undefined;
  if (query.period && !period) throw new ApiProblem('invalid_request', { errors: { period: ['Not a period of this plan.'] } });
  const rows = await listUpdates(
    await getDb(),
    plan.id,
    {
      goal: query.goal,
      indicator: query.indicator,
      reporter: query.reporter,
      periodFrom: period?.start,
      periodTo: period?.end,
      statuses: query.status ? [query.status] : undefined,
    },
    query.limit + 1,
    { afterId: afterOf(query.cursor) },
  );
  const items = rows.slice(0, query.limit);
  const next = rows.length > query.limit ? encodeCursor({ after: items.at(-1)!.id }) : null;
  return { items: items.map(updateOut), next };
}

const registryLists: Record<RegistryName, (params: RegistryListParams) => Promise<Page<unknown>>> = {
  cities: async (p) => listCities(await getDb(), p),
  partners: async (p) => listPartners(await getDb(), p),
  clusters: async (p) => listClusters(await getDb(), p),
  'support-requests': async (p) => listSupportRequests(await getDb(), p),
  activities: async (p) => listActivities(await getDb(), p),
};

/** A registry's list page as the registry page lists it (25 a page); the cursor carries the page. */
export async function apiRegistry(name: RegistryName, query: z.infer<typeof registryQuery>) {
  const { cursor, ...filters } = query;
  const page = offsetOf(cursor) + 1;
  const result = await registryLists[name]({ ...filters, page } as RegistryListParams);
  // A page past the end is clamped by the list: answer it as empty rather than repeating the last page.
  const items = result.page === page ? result.rows : [];
  return { items, total: result.total, next: page < result.pageCount ? encodeCursor({ offset: page }) : null };
}

export async function apiMeetings(query: z.infer<typeof meetingsQuery>) {
  const db = await getDb();
  const asOf = await asOfForMeeting(db, undefined);
  const rows = await listMeetings(db, { asOf, kind: query.kind });
  const page = pageByOffset(rows, offsetOf(query.cursor), query.limit);
  return { asOf, items: page.items, next: page.next };
}

/** A meeting with its recommendations, decisions and action items (status, owner, due date, links). */
export async function apiMeeting(id: number) {
  const db = await getDb();
  const meeting = await findMeeting(db, id);
  if (!meeting) throw new ApiProblem('not_found');
  const asOf = await asOfForMeeting(db, meeting);
  const items = await meetingItemsOf(db, id, asOf);
  const links = await itemLinks(db, items.map((i) => i.id));
  return {
    id: meeting.id,
    kind: meeting.kind,
    heldOn: meeting.heldOn,
    title: meeting.title,
    planId: meeting.planId,
    minutes: meeting.minutes,
    asOf,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      text: i.text,
      owner: i.owner,
      dueOn: i.dueOn,
      status: i.status,
      statusSince: i.statusSince,
      overdue: i.overdue,
      links: links.filter((l) => l.itemId === i.id).map(({ itemId: _itemId, ...link }) => link),
    })),
  };
}
