import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { indicatorChart } from '@/db/queries/charts/indicator-chart';
import { createMeeting, findMeeting } from '@/db/queries/meetings/meetings';
import { committeeReport } from '@/db/queries/report/committee';
import { seedDemo } from '@/db/seed';
import { narrativeFacts, narrativeWindow } from '@/lib/data/narrative-facts';
import { formatDate, formatValue } from '@/lib/format';
import { draftNarrative } from '@/lib/narrative/render';
import { createTestDatabase, driverUnderTest } from '../support/db';

let handle: DbHandle;
let db: Db;
let meetingId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
  const created = await createMeeting(
    db,
    { kind: 'steering_committee', heldOn: '2020-12-03', title: 'Second Steering Committee', participants: null, agenda: null, minutes: null, participantIds: [] },
    null,
  );
  if (!created.ok) throw new Error('meeting not created');
  meetingId = created.id;
});

afterAll(async () => {
  await handle?.close();
});

describe(`the narrative drafted from the demo (${driverUnderTest})`, () => {
  it('prints', async () => {
    const meeting = (await findMeeting(db, meetingId))!;
    const window = (await narrativeWindow(db, meeting))!;
    const facts = (await narrativeFacts(db, window, window.asOf))!;
    const draft = draftNarrative(facts.input);
    console.log(draft.en);
    console.log(draft.zh);
    expect(window.since).toBe('2020-05-07');
  });
});
