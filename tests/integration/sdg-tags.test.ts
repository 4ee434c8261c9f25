import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as getGoals } from '@/app/api/v1/plans/[year]/goals/route';
import { GET as getIndicator } from '@/app/api/v1/plans/[year]/indicators/[code]/route';
import { GET as getIndicators } from '@/app/api/v1/plans/[year]/indicators/route';
import { setSdgTagsAction } from '@/app/(dashboard)/plans/sdg-actions';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { getOverview } from '@/db/queries/overview';
import { auditLog, goals, goalSdgTags, indicators, indicatorSdgTags, workPlans } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { overviewSearchParams } from '@/components/overview/filters-schema';
import { callApi, tokenFor, userIdOf, type Body } from '../support/api';
import type { FormState } from '@/types/action';
import { createTestDatabase } from '../support/db';
import { request, signInAs, signOut } from '../support/action-request';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

// SDG tags: set by admins through the wrapper (audited; unknown codes refused, nothing written), and the same tags
// on the overview's filter, in the API's goal and indicator resources.

let handle: DbHandle;
let db: Db;
let admin: string;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  admin = await userIdOf(db, 'admin@demo.local');
  token = await tokenFor(db, 'committee@demo.local');
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => {
  signOut();
  request.revalidated.length = 0;
});

const tagsForm = (entity: string, id: number, tags: string[]) => {
  const data = new FormData();
  data.set('entity', entity);
  data.set('id', String(id));
  for (const t of tags) data.append('tags', t);
  return data;
};
const audits = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;
const idOf = async (table: typeof goals | typeof indicators, code: string) =>
  (await db.select({ id: table.id }).from(table).innerJoin(workPlans, eq(workPlans.id, table.planId)).where(and(eq(table.code, code), eq(workPlans.year, 2020))))[0]!.id;

describe('SDG tags', () => {
  it('are set by an admin as a whole list, in the list’s order, with an audit row of before and after', async () => {
    signInAs({ id: admin, role: 'admin' });
    const goalId = await idOf(goals, 'G5');
    const result = await setSdgTagsAction({}, tagsForm('goal', goalId, ['17.19', '16', '17.18']));
    expect(result).toMatchObject({ ok: true, message: 'SDG tags saved.' });
    expect(request.revalidated).toContain('/');
    const stored = await db.select({ code: goalSdgTags.code, by: goalSdgTags.taggedBy }).from(goalSdgTags).where(eq(goalSdgTags.goalId, goalId));
    expect(stored.map((r) => r.code).sort()).toEqual(['16', '17.18', '17.19']);
    expect(stored.every((r) => r.by === admin)).toBe(true);
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'goal.sdg_tags'), eq(auditLog.entityId, String(goalId))));
    expect(row).toMatchObject({ actorId: admin, before: { code: 'G5', sdg: ['17.18'] }, after: { code: 'G5', sdg: ['16', '17.18', '17.19'] } });

    // The same list again changes nothing and writes no audit row; an empty list clears them.
    const before = await audits();
    expect(await setSdgTagsAction({}, tagsForm('goal', goalId, ['16', '17.18', '17.19']))).toMatchObject({ ok: true, message: 'Nothing changed.' });
    expect(await audits()).toBe(before);
    const indicatorId = await idOf(indicators, 'G5.1');
    expect(await setSdgTagsAction({}, tagsForm('indicator', indicatorId, ['16.6']))).toMatchObject({ ok: true });
    expect(await setSdgTagsAction({}, tagsForm('indicator', indicatorId, []))).toMatchObject({ ok: true });
    expect(await db.select().from(indicatorSdgTags).where(eq(indicatorSdgTags.indicatorId, indicatorId))).toEqual([]);
  });

  it('refuse a code not in the UN list under its field, and write nothing', async () => {
    signInAs({ id: admin, role: 'admin' });
    const goalId = await idOf(goals, 'G1');
    const before = await audits();
    const stored = await db.select().from(goalSdgTags).where(eq(goalSdgTags.goalId, goalId));
    const refused: FormState = await setSdgTagsAction({}, tagsForm('goal', goalId, ['11', '18.1']));
    expect(refused.ok).toBe(false);
    expect(refused.errors?.tags?.[0]).toMatch(/not an SDG goal or target/);
    expect(await audits()).toBe(before);
    expect(await db.select().from(goalSdgTags).where(eq(goalSdgTags.goalId, goalId))).toEqual(stored);
    // Not an admin: refused before anything is read.
    signInAs({ id: await userIdOf(db, 'staff@demo.local'), role: 'staff' });
    await expect(setSdgTagsAction({}, tagsForm('goal', goalId, ['1']))).rejects.toThrow();
    expect(await audits()).toBe(before);
  });

  it('filter the overview: what contributes to a goal, by its own tags or its goal’s', async () => {
    const all = (await getOverview(db, { year: 2020 }))!;
    expect(all.sdgChoices).toEqual(expect.arrayContaining(['3', '4', '8', '11', '17']));
    const health = (await getOverview(db, { year: 2020, sdg: '3' }))!;
    expect(health.goals.map((g) => g.code)).toEqual(['G3']);
    const g3 = all.goals.find((g) => g.code === 'G3')!;
    expect(Object.values(health.statusCounts).reduce((a, b) => a + b, 0)).toBe(g3.indicatorCount);
    expect(health.filtered.sdg).toBe('3');
    // G1.2 is tagged 17.16 and its goal 11/17: both ways lead to SDG 17.
    const partnerships = (await getOverview(db, { year: 2020, sdg: '17' }))!;
    expect(partnerships.goals.map((g) => g.code)).toEqual(expect.arrayContaining(['G1', 'G4']));
    expect(partnerships.goals.find((g) => g.code === 'G1')!.sdgTags).toEqual(['11', '17', '17.17']);
    // Nothing tagged with SDG 14: no goal, every count zero.
    const ocean = (await getOverview(db, { year: 2020, sdg: '14' }))!;
    expect(ocean.goals).toEqual([]);
    // The URL's value is checked against the list; anything else is no filter.
    expect(overviewSearchParams.parse({ sdg: '11' }).sdg).toBe('11');
    expect(overviewSearchParams.parse({ sdg: '18' }).sdg).toBeUndefined();
    expect(overviewSearchParams.parse({ sdg: ['3', '4'] }).sdg).toBe('3');
  });

  it('appear in the API’s goals and indicators, and filter them as the overview does', async () => {
    const goalsBody: Body = await (await callApi(getGoals, '/api/v1/plans/2020/goals', { token, params: { year: '2020' } })).json();
    expect(goalsBody.items.find((g: Body) => g.code === 'G2').sdgTags).toEqual(['11', '11.a']);
    const one: Body = await (await callApi(getIndicator, '/api/v1/plans/2020/indicators/G1.2', { token, params: { year: '2020', code: 'G1.2' } })).json();
    expect(one.sdgTags).toEqual(['17.16']);
    const list = await callApi(getIndicators, '/api/v1/plans/2020/indicators?sdg=4&limit=200', { token, params: { year: '2020' } });
    expect(list.status).toBe(200);
    const items: Body[] = (await list.json()).items;
    expect(new Set(items.map((i) => i.goal))).toEqual(new Set(['G4']));
    expect(items.find((i) => i.code === 'G4.1').sdgTags).toEqual(['4.4']);
    const overview = (await getOverview(db, { year: 2020, sdg: '4' }))!;
    expect(items.length).toBe(overview.goals.reduce((n, g) => n + g.indicatorCount, 0));
    // A value not in the list is a 400 naming the parameter.
    const bad = await callApi(getIndicators, '/api/v1/plans/2020/indicators?sdg=18', { token, params: { year: '2020' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toHaveProperty('sdg');
  });
});
