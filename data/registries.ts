import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { localizedLabel } from '@/lib/i18n/localized';
import { getDb } from '@/db';
import { activityCityNames, findActivity, listActivities, topicOptions } from '@/db/queries/registries/activities';
import { cityOptions, countryOptions, findCity, listCities } from '@/db/queries/registries/cities';
import { clusterMemberList, findCluster, listClusters, sectorOptions } from '@/db/queries/registries/clusters';
import { findPartner, listPartners, partnerCityNames } from '@/db/queries/registries/partners';
import { auditTrail, statusHistory } from '@/db/queries/registries/shared';
import { findSupportRequest, listSupportRequests } from '@/db/queries/registries/support-requests';
import { getStoredAsOfDate } from '@/db/queries/settings';
import { requireUser } from '@/data/auth/session';
import type { RegistryListParams } from '@/lib/validation/registries';

/** The registries' reads, behind the policy: pages and exports call these, never db/queries directly. */

async function reader() {
  await requireUser('dashboard.read');
  return getDb();
}

/**
 * Names of cities (and other registry entries) as plain text in the user's language, for select lists and
 * details: the Chinese name where the registry has one, else the English name marked "(in English)".
 */
async function registryNamer() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('locale.fallback')]);
  return <T extends { name: string; nameZh: string | null }>(row: T): T => ({ ...row, name: localizedLabel(locale, row.name, row.nameZh, (lang) => t(lang)) });
}

/** "Today" for new status changes: the demo's stored as-of date when there is one, so the demo stays coherent. */
export async function registryToday(): Promise<string> {
  const db = await reader();
  return (await getStoredAsOfDate(db)) ?? new Date().toISOString().slice(0, 10);
}

export async function loadCities(params: RegistryListParams) {
  return listCities(await reader(), params);
}

export async function loadCityFilters() {
  const db = await reader();
  return { countries: await countryOptions(db) };
}

export async function loadCityOptions() {
  const [rows, name] = await Promise.all([reader().then(cityOptions), registryNamer()]);
  return rows.map(name);
}

export async function loadCity(id: number) {
  const db = await reader();
  const city = await findCity(db, id);
  if (!city) return undefined;
  const [history, audit] = await Promise.all([statusHistory(db, 'city', id), auditTrail(db, 'city', id)]);
  return { city, history, audit };
}

export async function loadPartners(params: RegistryListParams) {
  return listPartners(await reader(), params);
}

export async function loadPartner(id: number) {
  const db = await reader();
  const partner = await findPartner(db, id);
  if (!partner) return undefined;
  const [history, audit, cities, name] = await Promise.all([statusHistory(db, 'partner', id), auditTrail(db, 'partner', id), partnerCityNames(db, id), registryNamer()]);
  return { partner, history, audit, cities: cities.map(name) };
}

export async function loadClusters(params: RegistryListParams) {
  return listClusters(await reader(), params);
}

export async function loadClusterFilters() {
  return { sectors: await sectorOptions(await reader()) };
}

export async function loadCluster(id: number) {
  const db = await reader();
  const cluster = await findCluster(db, id);
  if (!cluster) return undefined;
  const [history, audit, members, name] = await Promise.all([
    statusHistory(db, 'cluster', id),
    auditTrail(db, 'cluster', id),
    clusterMemberList(db, id),
    registryNamer(),
  ]);
  return { cluster, history, audit, members: members.map((m) => ({ ...m, city: name({ name: m.city, nameZh: m.cityZh }).name })) };
}

export async function loadSupportRequests(params: RegistryListParams) {
  return listSupportRequests(await reader(), params);
}

export async function loadSupportRequest(id: number) {
  const db = await reader();
  const request = await findSupportRequest(db, id);
  if (!request) return undefined;
  const [history, audit, name] = await Promise.all([statusHistory(db, 'support_request', id), auditTrail(db, 'support_request', id), registryNamer()]);
  return { request: { ...request, city: name({ name: request.city, nameZh: request.cityZh }).name }, history, audit };
}

export async function loadActivities(params: RegistryListParams) {
  return listActivities(await reader(), params);
}

export async function loadActivityFilters() {
  return { topics: await topicOptions(await reader()) };
}

export async function loadActivity(id: number) {
  const db = await reader();
  const activity = await findActivity(db, id);
  if (!activity) return undefined;
  const [audit, cities, name] = await Promise.all([auditTrail(db, 'activity', id), activityCityNames(db, id), registryNamer()]);
  return { activity, audit, cities: cities.map(name) };
}
