import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { commentThreads } from '@/db/queries/comments';
import { itemHistory, itemLinks, itemsConcerning, meetingItemsOf } from '@/db/queries/meetings/items';
import { listMeetings, meetingParticipantsOf } from '@/db/queries/meetings/meetings';
import { packItems } from '@/db/queries/meetings/pack';
import { committeeReport } from '@/db/queries/report/committee';
import { seedDemo } from '@/db/seed';
import { STEERING_COMMITTEE_2020, WORKING_LEVEL_MEETINGS } from '@/db/seed/meetings';
import { indicators } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;
const AS_OF = '2020-11-15';

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
});

afterAll(async () => {
  await handle?.close();
});

describe(`the demo's meetings on ${driverUnderTest}`, () => {
  it('records the 7 May 2020 Steering Committee with its recommendations as owned, dated, linked items', async () => {
    const list = await listMeetings(db, { asOf: AS_OF });
    expect(list.map((m) => m.heldOn)).toEqual(['2020-10-29', '2020-09-24', '2020-08-20', '2020-06-18', '2020-05-07']);
    const sc = list.find((m) => m.kind === 'steering_committee')!;
    const items = await meetingItemsOf(db, sc.id, AS_OF);
    expect(items).toHaveLength(STEERING_COMMITTEE_2020.items.length);
    expect(items.filter((i) => i.kind === 'recommendation').map((i) => i.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/e-commerce/), expect.stringMatching(/working-level meetings/), expect.stringMatching(/inactive partners/), expect.stringMatching(/existing partners/)]),
    );
    expect(items.every((i) => i.owner !== null)).toBe(true);
    const wl = items.find((i) => /working-level meetings/.test(i.text))!;
    expect((await itemHistory(db, wl.id)).map((h) => [h.status, h.changedOn])).toEqual([['open', '2020-05-07'], ['in_progress', '2020-06-18']]);
    expect((await itemLinks(db, [wl.id])).map((l) => l.code)).toEqual(['G5.4']);
    // Due 30 June and still in progress on 15 November: overdue.
    expect(wl.overdue).toBe(true);
    expect(sc).toMatchObject({ items: 9, overdue: items.filter((i) => i.overdue).length });
    expect((await meetingParticipantsOf(db, sc.id)).map((p) => p.name)).toContain('Demo Committee Member');
  });

  it('shows items on their indicators, with the committee’s questions threaded, and in the pack as of a date', async () => {
    const [g13] = await db.select().from(indicators).where(eq(indicators.code, 'G1.3'));
    const concerning = await itemsConcerning(db, { indicatorId: g13!.id }, AS_OF);
    expect(concerning[0]).toMatchObject({ overdue: true, text: expect.stringMatching(/Tehran/) });
    const threads = await commentThreads(db, { meetingItemId: concerning[0]!.id });
    expect(threads.map((t) => [t.author, t.replies.length])).toEqual([['Demo Committee Member', 0]]);

    const sc = (await listMeetings(db, { asOf: AS_OF, kind: 'steering_committee' }))[0]!;
    const inJune = await packItems(db, sc.id, '2020-06-01');
    const inNovember = await packItems(db, sc.id, AS_OF);
    const status = (rows: typeof inJune, re: RegExp) => rows.find((r) => re.test(r.text))!.status;
    expect(status(inJune, /inactive partners/)).toBe('in_progress');
    expect(status(inNovember, /inactive partners/)).toBe('done');
    // The pack's report, "since" the meeting, evaluates the linked indicators then and now.
    const report = (await committeeReport(db, { since: '2020-05-07', asOf: AS_OF }))!;
    const g54 = report.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G5.4')!;
    expect(g54.now.actual.value).toBe(WORKING_LEVEL_MEETINGS.length);
    expect(g54.then.actual.value).toBe(0);
  });
});
