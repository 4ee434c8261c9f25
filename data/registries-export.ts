import 'server-only';
import { getDb } from '@/db';
import { allActivities } from '@/db/queries/registries/activities';
import { allCities } from '@/db/queries/registries/cities';
import { allClusters } from '@/db/queries/registries/clusters';
import { allPartners } from '@/db/queries/registries/partners';
import { allSupportRequests } from '@/db/queries/registries/support-requests';
import { errorResponse, requireUser } from '@/data/auth/session';
import { registryListParams, type Registry, type RegistryListParams } from '@/lib/validation/registries';
import { IO_COLUMNS } from '@/lib/validation/registries-io';
import { toCsv } from '@/lib/csv';
import { toXlsx } from '@/lib/xlsx';

const s = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Every row matching the list's filters, as cells in the columns of IO_COLUMNS (no paging). */
async function exportRows(registry: Registry, params: RegistryListParams): Promise<string[][]> {
  const db = await getDb();
  switch (registry) {
    case 'cities':
      return (await allCities(db, params)).map((c) => [
        c.name, s(c.nameZh), c.country, c.region, s(c.latitude), s(c.longitude), c.status, '', s(c.engagedOn), s(c.focalPoint), s(c.description), s(c.descriptionZh), s(c.notes),
      ]);
    case 'partners':
      return (await allPartners(db, params)).map((p) => [p.name, s(p.nameZh), p.type, p.status, '', s(p.since), p.viaNationalPartner ? 'yes' : 'no', p.cities, s(p.notes)]);
    case 'clusters':
      return (await allClusters(db, params)).map((c) => [c.name, s(c.nameZh), c.sector, c.leadCity, c.stage, '', s(c.description), s(c.descriptionZh), s(c.memberCount)]);
    case 'support-requests':
      return (await allSupportRequests(db, params)).map((r) => [
        `${r.city} (${r.country})`, r.category, r.receivedOn, r.status, '', s(r.respondedOn), r.description, s(r.response),
      ]);
    case 'activities':
      return (await allActivities(db, params)).map((a) => [
        a.title, a.topic, a.format, a.heldOn, s(a.participantsTotal), s(a.participantsFemale), s(a.participantsMale), a.cities, s(a.notes),
      ]);
  }
}

/**
 * GET /<registry>/export?format=csv|xlsx&<list filters>: the registry as a file. Everyone who can read the
 * dashboards may export ('report.export'); the filters are those of the list page.
 */
export async function exportRegistry(registry: Registry, request: Request): Promise<Response> {
  try {
    await requireUser('report.export');
    const url = new URL(request.url);
    const params = registryListParams.parse(Object.fromEntries(url.searchParams));
    const headers = IO_COLUMNS[registry].map((c) => c.header);
    const rows = await exportRows(registry, params);
    const date = new Date().toISOString().slice(0, 10);
    if (url.searchParams.get('format') === 'xlsx') {
      return new Response((await toXlsx([{ name: registry, header: headers, rows }])) as BodyInit, {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="${registry}-${date}.xlsx"`,
          'cache-control': 'no-store',
        },
      });
    }
    return new Response(toCsv(headers, rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${registry}-${date}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
