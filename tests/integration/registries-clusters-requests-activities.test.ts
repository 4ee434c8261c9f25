import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createActivity, deleteActivity, findActivity, listActivities, updateActivity } from '@/db/queries/registries/activities';
import { addClusterMember, clusterMemberList, createCluster, deleteCluster, endClusterMembership, updateCluster } from '@/db/queries/registries/clusters';
import { auditTrail, statusHistory } from '@/db/queries/registries/shared';
import { createSupportRequest, deleteSupportRequest, findSupportRequest, updateSupportRequest } from '@/db/queries/registries/support-requests';
import { auditLog, cities, clusters, indicators } from '@/db/schema';
import { registryListParams } from '@/lib/validation/registries';
import { activityFormSchema, clusterFormSchema, supportRequestFormSchema } from '@/lib/validation/registries-forms';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertCities, insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle;
let db: Db;
let cityA: number;
let cityB: number;

const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  [cityA, cityB] = (await insertCities(db, 2)).map((c) => c.id) as [number, number];
});

afterAll(async () => {
  await handle?.close();
});

describe(`cluster, support request and activity registries on ${driverUnderTest}`, () => {
  it('records cluster stages with dates, asks to confirm a skipped stage, and keeps memberships dated', async () => {
    const input = (over: Record<string, unknown> = {}) => clusterFormSchema.parse({ name: 'Ports', sector: 'Logistics', leadCityId: String(cityA), status: 'proposed', statusDate: '2020-01-10', ...over });
    const created = await createCluster(db, input(), null);
    if (!created.ok) throw new Error('set-up');
    const id = created.record.id;
    expect(await createCluster(db, input({ name: 'PORTS' }), null)).toMatchObject({ field: 'name', messageKey: 'registries.validation.duplicateCluster' });
    expect(await updateCluster(db, id, input({ status: 'functional', statusDate: '2020-03-01' }), null)).toMatchObject({ error: 'needs_confirmation' });
    expect((await updateCluster(db, id, input({ status: 'functional', statusDate: '2020-03-01', confirm: 'on' }), null)).ok).toBe(true);
    expect((await statusHistory(db, 'cluster', id)).map((h) => [h.status, h.changedOn])).toEqual([['functional', '2020-03-01'], ['proposed', '2020-01-10']]);

    expect((await addClusterMember(db, { clusterId: id, cityId: cityB, joinedOn: '2020-02-01' }, null)).ok).toBe(true);
    expect(await addClusterMember(db, { clusterId: id, cityId: cityB, joinedOn: '2020-02-05' }, null)).toMatchObject({ field: 'cityId', messageKey: 'registries.validation.alreadyMember' });
    const [member] = await clusterMemberList(db, id);
    expect(await endClusterMembership(db, { memberId: member!.id, leftOn: '2020-01-01' }, null)).toMatchObject({ field: 'leftOn' });
    expect((await endClusterMembership(db, { memberId: member!.id, leftOn: '2020-06-30' }, null)).ok).toBe(true);
    expect((await clusterMemberList(db, id)).map((m) => [m.joinedOn, m.leftOn])).toEqual([['2020-02-01', '2020-06-30']]);
    expect((await auditTrail(db, 'cluster', id)).map((a) => a.action)).toEqual(['cluster.member_leave', 'cluster.member_add', 'cluster.update', 'cluster.create']);
  });

  it('enters and edits a cluster\'s Chinese name and description, audited; over-long ones write nothing', async () => {
    const input = (over: Record<string, unknown> = {}) => clusterFormSchema.parse({ name: 'Tea Towns', sector: 'Tea', status: 'proposed', statusDate: '2020-01-10', ...over });
    const created = await createCluster(db, input({ nameZh: ' 茶城 ', description: 'Tea-growing cities', descriptionZh: '产茶城市' }), null);
    if (!created.ok) throw new Error('not created');
    const id = created.record.id;
    const [row] = await db.select().from(clusters).where(eq(clusters.id, id));
    expect([row!.nameZh, row!.description, row!.descriptionZh]).toEqual(['茶城', 'Tea-growing cities', '产茶城市']);
    const [create] = await auditTrail(db, 'cluster', id);
    expect(create!.after).toMatchObject({ nameZh: '茶城', description: 'Tea-growing cities', descriptionZh: '产茶城市' });

    expect(await updateCluster(db, id, input({ nameZh: '茶乡城市', description: 'Tea-growing cities', descriptionZh: '' }), null)).toMatchObject({ ok: true, changed: true });
    const [after] = await db.select().from(clusters).where(eq(clusters.id, id));
    expect([after!.nameZh, after!.descriptionZh]).toEqual(['茶乡城市', null]);
    const [update] = await db.select().from(auditLog).where(sql`${auditLog.entityType} = 'cluster' and ${auditLog.entityId} = ${String(id)} and ${auditLog.action} = 'cluster.update'`);
    expect([update!.before, update!.after]).toEqual([{ nameZh: '茶城', descriptionZh: '产茶城市' }, { nameZh: '茶乡城市', descriptionZh: null }]);

    const before = await auditCount();
    const parsed = clusterFormSchema.safeParse({ name: 'Tea Towns', nameZh: '茶'.repeat(201), sector: 'Tea', status: 'proposed', statusDate: '2020-01-10', descriptionZh: '茶'.repeat(2001) });
    expect(issues(parsed)).toEqual({ nameZh: 'registries.validation.tooLong', descriptionZh: 'registries.validation.tooLong' });
    expect(await auditCount()).toBe(before);
    expect((await db.select().from(clusters).where(eq(clusters.id, id)))[0]!.nameZh).toBe('茶乡城市');
  });

  it('keeps support request dates in order and derives the response date', async () => {
    const parse = (over: Record<string, unknown> = {}) =>
      supportRequestFormSchema.safeParse({ cityId: String(cityA), category: 'ppe', receivedOn: '2020-04-01', status: 'received', statusDate: '2020-04-01', description: 'Masks', ...over });
    expect(issues(parse({ status: 'responded', statusDate: '2020-03-01' }))).toEqual({
      statusDate: 'registries.validation.beforeReceived',
      respondedOn: 'registries.validation.respondedBeforeReceived',
    });
    expect(issues(parse({ status: 'closed', statusDate: '2020-05-01' }))).toEqual({ respondedOn: 'registries.validation.respondedOnRequired' });
    expect(issues(parse({ respondedOn: '2020-04-10' }))).toEqual({ respondedOn: 'registries.validation.respondedOnTooEarly' });
    expect(issues(parse({ cityId: '' }))).toEqual({ cityId: 'registries.validation.required' });

    const created = await createSupportRequest(db, parse().data!, null);
    if (!created.ok) throw new Error('set-up');
    const id = created.record.id;
    expect(await updateSupportRequest(db, id, parse({ status: 'responded', statusDate: '2020-04-20' }).data!, null)).toMatchObject({ error: 'needs_confirmation', from: 'received', to: 'responded' });
    expect((await updateSupportRequest(db, id, parse({ status: 'in_progress', statusDate: '2020-04-03' }).data!, null)).ok).toBe(true);
    expect((await updateSupportRequest(db, id, parse({ status: 'responded', statusDate: '2020-04-20' }).data!, null)).ok).toBe(true);
    const request = await findSupportRequest(db, id);
    expect([request!.status, request!.respondedOn]).toEqual(['responded', '2020-04-20']);
    expect((await statusHistory(db, 'support_request', id)).map((h) => h.status)).toEqual(['responded', 'in_progress', 'received']);
  });

  it('checks participants by sex against the total and links cities', async () => {
    const parse = (over: Record<string, unknown> = {}) =>
      activityFormSchema.safeParse({ title: 'Webinar', topic: 'E-commerce', format: 'online', heldOn: '2020-06-18', participantsTotal: '50', ...over });
    expect(issues(parse({ participantsFemale: '30', participantsMale: '25' }))).toEqual({ participantsFemale: 'registries.validation.bySexExceedsTotal' });
    expect(issues(parse({ participantsTotal: '-1' }))).toEqual({ participantsTotal: 'registries.validation.notNegative' });
    const before = await auditCount();
    expect(await createActivity(db, { ...parse().data!, cityIds: [cityA, 999999] }, null)).toMatchObject({ field: 'cityIds' });
    expect(await auditCount()).toBe(before);
    const created = await createActivity(db, { ...parse({ participantsFemale: '20' }).data!, cityIds: [cityB, cityA] }, null);
    if (!created.ok) throw new Error('set-up');
    expect((await findActivity(db, created.record.id))!.cityIds).toEqual([cityA, cityB].sort((a, b) => a - b));
    expect(await updateActivity(db, created.record.id, { ...parse({ participantsFemale: '20' }).data!, cityIds: [cityA] }, null)).toMatchObject({ ok: true, changed: true });
    expect(await auditCount()).toBe(before + 2);
    // The list carries each city's names in both languages, for the page to show the reader's.
    await db.update(cities).set({ nameZh: '甲城' }).where(eq(cities.id, cityA));
    const listed = await listActivities(db, registryListParams.parse({ q: 'Webinar' }));
    expect(listed.rows.find((r) => r.id === created.record.id)?.cityList).toEqual([expect.objectContaining({ nameZh: '甲城' })]);
  });

  it('refuses deletes that would change a derived indicator, naming it, and allows others', async () => {
    const { plan, goal } = await insertPlan(db);
    const ind = await insertIndicator(db, { planId: plan.id, goalId: goal.id }, { code: 'G4.1', accumulation: 'non_cumulative' });
    await db.update(indicators).set({ source: 'derived', derivedKey: 'online_trainings_held' }).where(eq(indicators.id, ind.id));
    const online = await createActivity(db, activityFormSchema.parse({ title: 'Online', topic: 'x', format: 'online', heldOn: '2020-07-01', participantsTotal: '5' }), null);
    const inPerson = await createActivity(db, activityFormSchema.parse({ title: 'On site', topic: 'x', format: 'in_person', heldOn: '2020-07-01', participantsTotal: '5' }), null);
    if (!online.ok || !inPerson.ok) throw new Error('set-up');
    expect(await deleteActivity(db, online.record.id, null)).toEqual({ ok: false, error: 'referenced', references: [{ kind: 'derivedIndicators', count: 1, detail: 'G4.1' }] });
    expect((await deleteActivity(db, inPerson.record.id, null)).ok).toBe(true);
    // Without derived indicators on clusters or requests, those delete (with their history) and leave an audit row.
    const cluster = await createCluster(db, clusterFormSchema.parse({ name: 'Spare', sector: 'x', status: 'proposed', statusDate: '2020-01-01' }), null);
    if (!cluster.ok) throw new Error('set-up');
    expect((await deleteCluster(db, cluster.record.id, null)).ok).toBe(true);
    const request = await createSupportRequest(db, supportRequestFormSchema.parse({ cityId: String(cityB), category: 'other', receivedOn: '2020-01-01', status: 'received', statusDate: '2020-01-01', description: 'x' }), null);
    if (!request.ok) throw new Error('set-up');
    expect((await deleteSupportRequest(db, request.record.id, null)).ok).toBe(true);
    expect((await auditTrail(db, 'support_request', request.record.id)).map((a) => a.action)).toEqual(['support_request.delete', 'support_request.create']);
    expect((await db.select().from(cities)).length).toBe(2);
  });
});
