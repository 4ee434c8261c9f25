import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { derivedActualsToDate, derivedIndicatorSeries } from '@/db/queries/derived';
import { createItem, findItem, itemHistory, itemLinks, itemsConcerning, meetingItemsOf, setItemStatus, updateItem, type ItemInput } from '@/db/queries/meetings/items';
import { createMeeting, listMeetings, meetingParticipantsOf, updateMeeting, type MeetingInput } from '@/db/queries/meetings/meetings';
import { packItems } from '@/db/queries/meetings/pack';
import { auditLog, indicators, users } from '@/db/schema';
import { can, roles } from '@/lib/auth/policy';
import { routeAccess, serverActionAccess } from '@/lib/auth/route-access';
import { itemFormSchema, meetingFormSchema, statusFormSchema } from '@/lib/validation/meetings';
import { periodsBetween } from '@/lib/periods';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';

let handle: DbHandle;
let db: Db;
let staffId: string;
let committeeId: string;
let planId: number;
let goalId: number;
let indicatorId: number;
let otherPlanIndicator: number;

const meeting = (over: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: 'steering_committee',
  heldOn: '2020-05-07',
  title: 'Steering Committee',
  participants: 'Co-chairs',
  agenda: '1. Work plan',
  minutes: '## Decision\n\nEndorsed.',
  participantIds: [],
  ...over,
});
const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  kind: 'action_item',
  text: 'Hold regular working-level meetings',
  ownerId: staffId,
  ownerName: null,
  dueOn: '2020-06-30',
  goalIds: [goalId],
  indicatorIds: [indicatorId],
  ...over,
});
const audits = (entityType: string, id: number) =>
  db.select().from(auditLog).where(sql`${auditLog.entityType} = ${entityType} and ${auditLog.entityId} = ${String(id)}`).orderBy(auditLog.id);
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [staff, committee] = await db
    .insert(users)
    .values([
      { email: `staff-${randomUUID()}@t.org`, name: 'Sam Staff', role: 'staff' },
      { email: `committee-${randomUUID()}@t.org`, name: 'Cai Committee', role: 'committee' },
    ])
    .returning();
  staffId = staff!.id;
  committeeId = committee!.id;
  const { plan, goal } = await insertPlan(db, 2020);
  planId = plan.id;
  goalId = goal.id;
  indicatorId = (await insertIndicator(db, { planId, goalId }, { code: 'G5.4', accumulation: 'non_cumulative' })).id;
  const other = await insertPlan(db, 2021);
  otherPlanIndicator = (await insertIndicator(db, { planId: other.plan.id, goalId: other.goal.id }, { code: 'G1.1', accumulation: 'cumulative' })).id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`meetings and their items on ${driverUnderTest}`, () => {
  it('records a meeting in the plan of its year, audited, and refuses bad input at the boundary', async () => {
    expect(meetingFormSchema.safeParse({ kind: 'board', heldOn: '2020-13-01', title: ' ' }).success).toBe(false);
    const parsed = meetingFormSchema.parse({ kind: 'working_level', heldOn: '2020-06-18', title: ' June ', participants: '', agenda: '', minutes: '' });
    expect(parsed).toEqual({ kind: 'working_level', heldOn: '2020-06-18', title: 'June', participants: null, agenda: null, minutes: null, participantIds: [] });
    const created = await createMeeting(db, meeting(), staffId);
    if (!created.ok) throw new Error('set-up');
    const [audit] = await audits('meeting', created.id);
    expect(audit).toMatchObject({ action: 'meeting.create', actorId: staffId, after: expect.objectContaining({ planId, heldOn: '2020-05-07' }) });
    expect(await updateMeeting(db, created.id, meeting(), staffId)).toEqual({ ok: true, id: created.id, changed: false });
    expect(await updateMeeting(db, 999_999, meeting(), staffId)).toEqual({ ok: false, error: 'not_found' });
  });

  it('records participants who are users beside the free text, refusing unknown accounts', async () => {
    const before = await auditCount();
    expect(await createMeeting(db, meeting({ participantIds: [randomUUID()] }), staffId)).toMatchObject({ field: 'participantIds', messageKey: 'meetings.validation.unknownParticipant' });
    expect(await auditCount()).toBe(before);
    const created = await createMeeting(db, meeting({ title: 'With people', participantIds: [committeeId, staffId, staffId] }), staffId);
    if (!created.ok) throw new Error('set-up');
    expect((await meetingParticipantsOf(db, created.id)).map((p) => p.name)).toEqual(['Cai Committee', 'Sam Staff']);
    expect(await updateMeeting(db, created.id, meeting({ title: 'With people', participantIds: [staffId] }), staffId)).toMatchObject({ ok: true, changed: true });
    expect((await meetingParticipantsOf(db, created.id)).map((p) => p.name)).toEqual(['Sam Staff']);
    const [, update] = await audits('meeting', created.id);
    expect(update).toMatchObject({ action: 'meeting.update', before: expect.objectContaining({ participantIds: [committeeId, staffId].sort() }), after: expect.objectContaining({ participantIds: [staffId] }) });
  });

  it('keeps a dated status history: open → in progress → done, refusing moves back, early dates and future dates', async () => {
    const m = await createMeeting(db, meeting({ heldOn: '2020-05-08', title: 'History' }), staffId);
    if (!m.ok) throw new Error('set-up');
    const created = await createItem(db, m.id, item(), staffId);
    if (!created.ok) throw new Error('set-up');
    const id = created.id;
    const latest = '2020-11-15';
    const before = await auditCount();
    expect(await setItemStatus(db, { itemId: id, status: 'in_progress', changedOn: '2020-05-01', latest, actorId: staffId })).toMatchObject({
      field: 'changedOn',
      messageKey: 'meetings.validation.beforeLastChange',
    });
    expect(await setItemStatus(db, { itemId: id, status: 'in_progress', changedOn: '2020-12-01', latest, actorId: staffId })).toMatchObject({ messageKey: 'meetings.validation.inFuture' });
    expect(await auditCount()).toBe(before);
    expect((await setItemStatus(db, { itemId: id, status: 'in_progress', changedOn: '2020-05-20', latest, actorId: staffId })).ok).toBe(true);
    expect(await setItemStatus(db, { itemId: id, status: 'open', changedOn: '2020-05-21', latest, actorId: staffId })).toMatchObject({ messageKey: 'meetings.validation.transition' });
    expect((await setItemStatus(db, { itemId: id, status: 'done', changedOn: '2020-06-25', latest, actorId: staffId })).ok).toBe(true);
    expect(await setItemStatus(db, { itemId: id, status: 'dropped', changedOn: '2020-06-26', latest, actorId: staffId })).toMatchObject({ messageKey: 'meetings.validation.transition' });
    expect((await itemHistory(db, id)).map((h) => [h.status, h.changedOn, h.changedBy])).toEqual([
      ['open', '2020-05-08', 'Sam Staff'],
      ['in_progress', '2020-05-20', 'Sam Staff'],
      ['done', '2020-06-25', 'Sam Staff'],
    ]);
    expect((await audits('meeting_item', id)).map((a) => [a.action, a.after])).toEqual([
      ['meeting_item.create', expect.objectContaining({ status: 'open', indicatorIds: [indicatorId] })],
      ['meeting_item.status', { status: 'in_progress', changedOn: '2020-05-20' }],
      ['meeting_item.status', { status: 'done', changedOn: '2020-06-25' }],
    ]);
    // The pack reads the status as it stood on a date.
    const asStatus = async (date: string) => (await packItems(db, m.id, date)).map((p) => [p.status, p.statusSince]);
    expect(await asStatus('2020-05-10')).toEqual([['open', '2020-05-08']]);
    expect(await asStatus('2020-06-01')).toEqual([['in_progress', '2020-05-20']]);
    expect(await asStatus('2020-11-15')).toEqual([['done', '2020-06-25']]);
    expect(statusFormSchema.safeParse({ itemId: String(id), status: 'closed', changedOn: '2020-06-01' }).success).toBe(false);
  });

  it('links items to goals and indicators of the meeting’s plan only, and shows them on those pages', async () => {
    const m = await createMeeting(db, meeting({ heldOn: '2020-05-09', title: 'Links' }), staffId);
    if (!m.ok) throw new Error('set-up');
    expect(await createItem(db, m.id, item({ indicatorIds: [otherPlanIndicator] }), staffId)).toMatchObject({ field: 'indicatorIds', messageKey: 'meetings.validation.unknownLink' });
    expect(await createItem(db, m.id, item({ ownerId: committeeId }), staffId)).toMatchObject({ field: 'ownerId' });
    expect(await createItem(db, m.id, item({ dueOn: '2020-05-01' }), staffId)).toMatchObject({ field: 'dueOn' });
    const created = await createItem(db, m.id, item({ kind: 'decision', text: 'Link me', goalIds: [], indicatorIds: [indicatorId, indicatorId] }), staffId);
    if (!created.ok) throw new Error('set-up');
    expect((await itemLinks(db, [created.id])).map((l) => [l.code, l.indicatorId])).toEqual([['G5.4', indicatorId]]);
    const onIndicator = await itemsConcerning(db, { indicatorId }, '2020-11-15');
    expect(onIndicator.map((i) => i.text)).toContain('Link me');
    expect((await itemsConcerning(db, { goalId }, '2020-11-15')).map((i) => i.text)).not.toContain('Link me');
    const edited = await updateItem(db, created.id, item({ kind: 'decision', text: 'Link me', goalIds: [goalId], indicatorIds: [] }), staffId);
    expect(edited).toEqual({ ok: true, id: created.id, changed: true });
    expect((await itemsConcerning(db, { goalId }, '2020-11-15')).map((i) => i.text)).toContain('Link me');
    expect((await itemsConcerning(db, { indicatorId }, '2020-11-15')).map((i) => i.text)).not.toContain('Link me');
    const [, update] = await audits('meeting_item', created.id);
    expect(update).toMatchObject({ action: 'meeting_item.update', before: expect.objectContaining({ indicatorIds: [indicatorId], goalIds: [] }), after: expect.objectContaining({ goalIds: [goalId] }) });
    expect(itemFormSchema.safeParse({ kind: 'action_item', text: 'x', ownerId: '', ownerName: '' }).error?.issues[0]?.message).toBe('meetings.validation.ownerRequired');
  });

  it('flags open and in-progress items due before the as-of date as overdue, and no others', async () => {
    const m = await createMeeting(db, meeting({ heldOn: '2020-09-01', title: 'Overdue' }), staffId);
    if (!m.ok) throw new Error('set-up');
    const ids: Record<string, number> = {};
    for (const [name, dueOn] of [['open', '2020-10-01'], ['progress', '2020-10-01'], ['done', '2020-10-01'], ['dueOnAsOf', '2020-11-15'], ['noDue', null]] as const) {
      const r = await createItem(db, m.id, item({ text: name, dueOn }), staffId);
      if (!r.ok) throw new Error('set-up');
      ids[name] = r.id;
    }
    await setItemStatus(db, { itemId: ids.progress!, status: 'in_progress', changedOn: '2020-09-02', latest: '2020-11-15', actorId: staffId });
    await setItemStatus(db, { itemId: ids.done!, status: 'done', changedOn: '2020-09-02', latest: '2020-11-15', actorId: staffId });
    const overdueOn = async (asOf: string) => (await meetingItemsOf(db, m.id, asOf)).filter((i) => i.overdue).map((i) => i.text);
    expect(await overdueOn('2020-10-01')).toEqual([]);
    expect(await overdueOn('2020-11-15')).toEqual(['open', 'progress']);
    expect(await overdueOn('2020-11-16')).toEqual(['open', 'progress', 'dueOnAsOf']);
    expect((await findItem(db, ids.open!, '2020-11-15'))!.overdue).toBe(true);
    const row = (await listMeetings(db, { asOf: '2020-11-15' })).find((r) => r.id === m.id);
    expect(row).toMatchObject({ items: 5, open: 4, overdue: 2 });
    expect((await itemsConcerning(db, { indicatorId }, '2020-11-15'))[0]!.overdue).toBe(true);
  });

  it('counts working-level meetings per quarter for the derived indicator', async () => {
    await db.update(indicators).set({ source: 'derived', derivedKey: 'working_level_meetings', frequency: 'quarterly' }).where(eq(indicators.id, indicatorId));
    for (const heldOn of ['2020-06-18', '2020-08-20', '2020-09-24', '2020-10-29']) {
      const r = await createMeeting(db, meeting({ kind: 'working_level', heldOn, title: `WL ${heldOn}` }), staffId);
      expect(r.ok).toBe(true);
    }
    const ind = { id: indicatorId, planId: 0, derivedKey: 'working_level_meetings', accumulation: 'non_cumulative' as const, frequency: 'quarterly' as const };
    const plan = { startDate: '2020-01-01', endDate: '2020-12-31' };
    const series = await derivedIndicatorSeries(db, ind, plan, periodsBetween('quarterly', plan.startDate, plan.endDate), '2020-11-15');
    expect(series.map((p) => p.value)).toEqual([0, 1, 2, 1]);
    expect((await derivedActualsToDate(db, plan, '2020-11-15', [ind])).get(indicatorId)?.value).toBe(4);
    // Steering Committee meetings do not count; a meeting recorded later counts in its quarter.
    await createMeeting(db, meeting({ kind: 'working_level', heldOn: '2020-11-10', title: 'WL Nov' }), staffId);
    expect((await derivedActualsToDate(db, plan, '2020-11-15', [ind])).get(indicatorId)?.value).toBe(5);
  });

  it('lets staff and admins edit meetings and items, and everyone read, print and comment (role matrix)', () => {
    const expected: Record<string, [boolean, boolean, boolean]> = {
      'meeting.edit': [true, true, false],
      'comment.write': [true, true, true],
      'dashboard.read': [true, true, true],
      'report.export': [true, true, true],
      // The narrative: staff and admins draft, edit and approve (never their own text: mayApproveNarrative).
      'narrative.edit': [true, true, false],
      'narrative.approve': [true, true, false],
    };
    const entries = [
      ...Object.entries(routeAccess).filter(([route]) => route.startsWith('/meetings') || route.startsWith('/api/meetings')),
      ...Object.entries(serverActionAccess).filter(([id]) => id.startsWith('app/(dashboard)/meetings/')),
    ];
    expect(entries.length).toBe(20);
    for (const [endpoint, action] of entries) {
      expect(expected[action], endpoint).toBeDefined();
      expect(roles.map((r) => can(r, action)), endpoint).toEqual(expected[action]);
    }
    const byName = Object.fromEntries(entries);
    expect(byName['/meetings/new']).toBe('meeting.edit');
    expect(byName['app/(dashboard)/meetings/item-actions.ts#changeItemStatusAction']).toBe('meeting.edit');
    expect(byName['app/(dashboard)/meetings/comment-actions.ts#addCommentAction']).toBe('comment.write');
    expect(byName['/meetings/[id]/pack']).toBe('dashboard.read');
  });
});
