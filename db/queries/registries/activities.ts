import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { RegistryListParams } from '@/lib/validation/registries';
import type { ActivityInput } from '@/lib/validation/registries-forms';
import { formatCityParticipants } from '@/lib/validation/city-participants';
import type { Db } from '../../client';
import { activities, activityCities, cities } from '../../schema';
import { writeAudit, type DbOrTx } from '../audit';
import { changedFields, cityResolver, derivedIndicatorReference, fieldError, likePattern, orderBy, paginate, type Page, type Reference, type WriteResult, setArchived } from './shared';

// The activity registry: capacity-development events (date, title, topic, format, participants by sex where
// known, cities). Activities have no status; the date is the event.

export type Activity = typeof activities.$inferSelect;

const sortColumns: Record<string, SQL> = {
  heldOn: sql`${activities.heldOn}`,
  title: sql`lower(${activities.title})`,
  topic: sql`lower(${activities.topic})`,
  format: sql`${activities.format}`,
  participants: sql`${activities.participantsTotal}`,
};

function listWhere(params: RegistryListParams): SQL | undefined {
  const q = params.q?.trim();
  return and(
    params.archived ? isNotNull(activities.archivedAt) : isNull(activities.archivedAt),
    q ? or(ilike(activities.title, likePattern(q)), ilike(activities.topic, likePattern(q)), ilike(activities.notes, likePattern(q))) : undefined,
    params.format ? eq(activities.format, params.format) : undefined,
    params.sector ? sql`lower(${activities.topic}) = lower(${params.sector})` : undefined,
    params.from ? sql`${activities.heldOn} >= ${params.from}` : undefined,
    params.to ? sql`${activities.heldOn} <= ${params.to}` : undefined,
    params.country
      ? sql`exists (select 1 from activity_cities ac join cities c on c.id = ac.city_id where ac.activity_id = "activities"."id" and lower(c.country) = lower(${params.country}))`
      : undefined,
  );
}

function sortOf(params: RegistryListParams): { column: SQL; dir: 'asc' | 'desc' } {
  const column = sortColumns[params.sort ?? ''];
  return column ? { column, dir: params.dir ?? 'asc' } : { column: sortColumns.heldOn!, dir: params.dir ?? 'desc' };
}

const cityNames = sql<string | null>`(select string_agg(c.name, '; ' order by c.name) from activity_cities ac join cities c on c.id = ac.city_id where ac.activity_id = "activities"."id")`;

/** The activity's cities with their Chinese names, for lists shown in the user's language. */
const cityList = sql<{ name: string; nameZh: string | null }[] | null>`(select json_agg(json_build_object('name', c.name, 'nameZh', c.name_zh) order by c.name)
  from activity_cities ac join cities c on c.id = ac.city_id where ac.activity_id = "activities"."id")`;

export type ActivityListItem = Activity & { cities: string; cityList: { name: string; nameZh: string | null }[] };

export async function listActivities(db: Db, params: RegistryListParams): Promise<Page<ActivityListItem>> {
  const where = listWhere(params);
  const { column, dir } = sortOf(params);
  return paginate(
    params.page,
    (limit, offset) =>
      db
        .select({ activity: activities, cities: cityNames, cityList })
        .from(activities)
        .where(where)
        .orderBy(orderBy(column, dir, sql`${activities.id}`))
        .limit(limit)
        .offset(offset)
        .then((rows) => rows.map((r) => ({ ...r.activity, cities: r.cities ?? '', cityList: r.cityList ?? [] }))),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where))[0]?.n ?? 0,
  );
}

/** The export's cities cell, with participants where known ("Almaty: 18; Tashkent"), as the import reads it. */
const cityCells = sql<string | null>`(select string_agg(c.name || coalesce(': ' || ac.participants, ''), '; ' order by c.name) from activity_cities ac join cities c on c.id = ac.city_id where ac.activity_id = "activities"."id")`;

export async function allActivities(db: Db, params: RegistryListParams): Promise<(Activity & { cities: string })[]> {
  const { column, dir } = sortOf(params);
  const rows = await db.select({ activity: activities, cities: cityCells }).from(activities).where(listWhere(params)).orderBy(orderBy(column, dir, sql`${activities.id}`));
  return rows.map((r) => ({ ...r.activity, cities: r.cities ?? '' }));
}

export async function topicOptions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ topic: activities.topic }).from(activities).orderBy(activities.topic);
  return rows.map((r) => r.topic);
}

export async function findActivity(db: DbOrTx, id: number): Promise<(Activity & { cityIds: number[]; cityParticipants: string }) | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) return undefined;
  const links = await db
    .select({ cityId: activityCities.cityId, name: cities.name, participants: activityCities.participants })
    .from(activityCities)
    .innerJoin(cities, eq(cities.id, activityCities.cityId))
    .where(eq(activityCities.activityId, id))
    .orderBy(asc(cities.name));
  return { ...row, cityIds: links.map((l) => l.cityId).sort((a, b) => a - b), cityParticipants: formatCityParticipants(links) };
}

export async function activityCityNames(db: Db, id: number) {
  return db
    .select({ id: cities.id, name: cities.name, nameZh: cities.nameZh, country: cities.country })
    .from(activityCities)
    .innerJoin(cities, eq(cities.id, activityCities.cityId))
    .where(eq(activityCities.activityId, id))
    .orderBy(asc(cities.name));
}

type CityLink = { cityId: number; participants: number | null };

const auditView = (a: Pick<Activity, 'title' | 'topic' | 'format' | 'heldOn' | 'participantsTotal' | 'participantsFemale' | 'participantsMale' | 'notes'>, links: CityLink[]) => ({
  title: a.title, topic: a.topic, format: a.format, heldOn: a.heldOn, participantsTotal: a.participantsTotal,
  participantsFemale: a.participantsFemale, participantsMale: a.participantsMale, notes: a.notes,
  cityIds: links.map((l) => l.cityId), participantsByCity: links.filter((l) => l.participants !== null),
});

async function currentLinks(tx: DbOrTx, id: number): Promise<CityLink[]> {
  return tx.select({ cityId: activityCities.cityId, participants: activityCities.participants }).from(activityCities).where(eq(activityCities.activityId, id)).orderBy(asc(activityCities.cityId));
}

/** The chosen cities and those given participants (by name), each with its participants where given. */
async function cityLinksOf(tx: DbOrTx, input: ActivityInput): Promise<CityLink[] | WriteResult> {
  const live = await tx.select({ id: cities.id, name: cities.name, country: cities.country }).from(cities).where(isNull(cities.archivedAt));
  const resolve = cityResolver(live);
  const counts = new Map<number, number>();
  for (const c of input.cityParticipants) {
    const id = resolve(c.city);
    if (id === undefined) return fieldError('cityParticipants', 'unknownCity');
    if (counts.has(id)) return fieldError('cityParticipants', 'cityParticipantsTwice');
    counts.set(id, c.participants);
  }
  const ids = [...new Set([...input.cityIds, ...counts.keys()])].sort((a, b) => a - b);
  if (await unknownCities(tx, ids)) return fieldError('cityIds', 'unknownCity');
  return ids.map((cityId) => ({ cityId, participants: counts.get(cityId) ?? null }));
}

async function unknownCities(tx: DbOrTx, ids: number[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const rows = await tx.select({ id: cities.id }).from(cities).where(and(inArray(cities.id, ids), isNull(cities.archivedAt)));
  return rows.length !== new Set(ids).size;
}

export async function createActivity(db: Db, input: ActivityInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const links = await cityLinksOf(tx, input);
    if (!Array.isArray(links)) return links;
    const { cityIds: _ids, cityParticipants: _counts, ...fields } = input;
    const [row] = await tx.insert(activities).values(fields).returning();
    if (links.length > 0) await tx.insert(activityCities).values(links.map((l) => ({ activityId: row!.id, ...l })));
    await writeAudit(tx, { actorId, action: 'activity.create', entityType: 'activity', entityId: row!.id, after: auditView(row!, links) });
    return { ok: true, record: { id: row!.id } };
  });
}

export async function updateActivity(db: Db, id: number, input: ActivityInput, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const current = await findActivity(tx, id);
    if (!current) return { ok: false, error: 'not_found' };
    const links = await cityLinksOf(tx, input);
    if (!Array.isArray(links)) return links;
    const before = await currentLinks(tx, id);
    const { cityIds: _ids, cityParticipants: _counts, ...fields } = input;
    const [row] = await tx.update(activities).set(fields).where(eq(activities.id, id)).returning();
    await tx.delete(activityCities).where(eq(activityCities.activityId, id));
    if (links.length > 0) await tx.insert(activityCities).values(links.map((l) => ({ activityId: id, ...l })));
    const diff = changedFields(auditView(current, before), auditView(row!, links));
    if (diff) await writeAudit(tx, { actorId, action: 'activity.update', entityType: 'activity', entityId: id, ...diff });
    return { ok: true, record: { id }, changed: diff !== undefined };
  });
}

/** Archiving takes the record out of lists, forms and indicators; its history stays. Restoring undoes it. */
export function setActivityArchived(db: Db, id: number, archived: boolean, actorId: string | null): Promise<WriteResult> {
  return setArchived(db, 'activity', id, archived, actorId);
}

export async function activityReferences(db: DbOrTx, id: number): Promise<Reference[]> {
  const derived = await derivedIndicatorReference(
    db,
    ['online_trainings_held', 'people_trained_online', 'online_participants_women_share'],
    sql`exists (select 1 from activities a where a.id = ${id} and a.format = 'online')`,
  );
  return derived ? [derived] : [];
}

export async function deleteActivity(db: Db, id: number, actorId: string | null): Promise<WriteResult> {
  return db.transaction(async (tx): Promise<WriteResult> => {
    const current = await findActivity(tx, id);
    if (!current) return { ok: false, error: 'not_found' };
    const references = await activityReferences(tx, id);
    if (references.length > 0) return { ok: false, error: 'referenced', references };
    const links = await currentLinks(tx, id);
    await tx.delete(activityCities).where(eq(activityCities.activityId, id));
    await tx.delete(activities).where(eq(activities.id, id));
    await writeAudit(tx, { actorId, action: 'activity.delete', entityType: 'activity', entityId: id, before: auditView(current, links) });
    return { ok: true, record: { id } };
  });
}
