import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { committeeReport } from '@/db/queries/report/committee';
import { meetingItems, meetings } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { insertChartsFixture } from './charts-fixture';

let handle: DbHandle;
let fx: Awaited<ReturnType<typeof insertChartsFixture>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  fx = await insertChartsFixture(handle.db);
  const [meeting] = await handle.db
    .insert(meetings)
    .values({ planId: fx.plan.id, kind: 'steering_committee', heldOn: '2020-10-31', title: 'Second steering committee' })
    .returning();
  await handle.db.insert(meetingItems).values([
    { meetingId: meeting!.id, kind: 'action_item', text: 'Chase Q3 figures', status: 'open' },
    { meetingId: meeting!.id, kind: 'decision', text: 'Adopt the plan', status: 'done' },
  ]);
});

afterAll(async () => {
  await handle?.close();
});

const find = (report: NonNullable<Awaited<ReturnType<typeof committeeReport>>>, code: string) =>
  report.goals.flatMap((g) => g.indicators).find((i) => i.code === code)!;

describe(`committee report (${driverUnderTest})`, () => {
  it('defaults "since" to the last steering committee meeting and lists its open items', async () => {
    const report = (await committeeReport(handle.db, { year: 2020, asOf: '2020-12-31' }))!;
    expect(report.since).toBe('2020-10-31');
    expect(report.openItems.map((i) => i.text)).toEqual(['Chase Q3 figures']);
  });

  it('compares each indicator as of both dates, from the data as it stood', async () => {
    const report = (await committeeReport(handle.db, { year: 2020, asOf: '2020-12-31' }))!;
    // CU read 33 on 31 Oct (before the correction to 40) and 48 at year end.
    expect(find(report, 'CU').then.actual.value).toBe(33);
    expect(find(report, 'CU').now.actual.value).toBe(48);
    // NC: 13 (the Q1 5 was still submitted) then 18.
    expect(find(report, 'NC').then.actual.value).toBe(13);
    expect(find(report, 'NC').now.actual.value).toBe(18);
    expect(find(report, 'PN').now.actual.value).toBeCloseTo((100 * 40) / 150, 9);
    // Two earlier updates changed in the window: the approval (5 Nov) and the correction (10 Nov).
    expect(report.changedUpdates).toBe(2);
    expect(report.newUpdates).toBe(0);
  });

  it('marks indicators with no update in their last completed period as overdue', async () => {
    const report = (await committeeReport(handle.db, { year: 2020, since: '2020-06-30', asOf: '2020-11-15' }))!;
    // Last completed quarter at 15 Nov is Q3: NC, CU and SN reported for it; PN did not.
    expect(report.goals.flatMap((g) => g.indicators).filter((i) => i.overdue).map((i) => i.code)).toEqual(['PN']);
    // Created 5 Jul (three, one later withdrawn) and 5 Oct (three).
    expect(report.newUpdates).toBe(6);
  });
});
