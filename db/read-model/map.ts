import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows } from '../queries/raw';

export interface MapCity {
  id: number;
  name: string;
  nameZh: string | null;
  country: string;
  region: 'maritime' | 'continental';
  status: 'prospective' | 'engaged' | 'active' | 'inactive';
  latitude: number | null;
  longitude: number | null;
  partnerships: number;
  clusters: number;
  requests: number;
}

/** The cities of the map with the counts that size their markers, in one query (archived cities left out). */
export async function mapCities(db: Db, region?: 'maritime' | 'continental'): Promise<MapCity[]> {
  return queryRows<MapCity>(
    db,
    sql`select c.id, c.name, c.name_zh as "nameZh", c.country, c.region, c.status, c.latitude, c.longitude,
      (select count(*)::int from partner_cities pc where pc.city_id = c.id) as partnerships,
      (select count(*)::int from cluster_members m where m.city_id = c.id and m.left_on is null) as clusters,
      (select count(*)::int from support_requests r where r.city_id = c.id and r.archived_at is null) as requests
    from cities c
    where c.archived_at is null ${region ? sql`and c.region = ${region}` : sql``}
    order by lower(c.name)`,
  );
}

export interface CityCard {
  history: { status: string; changedOn: string }[];
  clusters: { id: number; name: string; nameZh: string | null; stage: string }[];
  requests: { id: number; category: string; status: string; receivedOn: string }[];
}

/** A city's card on the map: its status history, current clusters and support requests. */
export async function cityCard(db: Db, cityId: number): Promise<CityCard> {
  const [history, clusters, requests] = await Promise.all([
    queryRows<CityCard['history'][number]>(
      db,
      sql`select status, changed_on::text as "changedOn" from city_status_history where city_id = ${cityId} order by changed_on, id`,
    ),
    queryRows<CityCard['clusters'][number]>(
      db,
      sql`select k.id, k.name, k.name_zh as "nameZh", k.stage from cluster_members m join clusters k on k.id = m.cluster_id
        where m.city_id = ${cityId} and m.left_on is null and k.archived_at is null order by lower(k.name)`,
    ),
    queryRows<CityCard['requests'][number]>(
      db,
      sql`select id, category, status, received_on::text as "receivedOn" from support_requests
        where city_id = ${cityId} and archived_at is null order by received_on desc, id desc limit 10`,
    ),
  ]);
  return { history, clusters, requests };
}
