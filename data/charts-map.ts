import 'server-only';
import { getDb } from '@/db';
import { cityCard, mapCities } from '@/db/read-model';
import { requireUser } from '@/data/auth/session';

/** The map's cities (optionally one region) and the card of the selected city, behind the policy. */
export async function loadMap(region: 'maritime' | 'continental' | undefined, cityId: number | undefined) {
  await requireUser('dashboard.read');
  const db = await getDb();
  const cities = await mapCities(db, region);
  const selected = cityId === undefined ? undefined : cities.find((c) => c.id === cityId);
  return { cities, selected, card: selected ? await cityCard(db, selected.id) : undefined };
}
