import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { indicatorChart, type IndicatorChart } from '@/db/queries/charts/indicator-chart';
import { createMeeting, findMeeting } from '@/db/queries/meetings/meetings';
import { approvedNarrativeFor, findNarrative, openItemsByGoal } from '@/db/queries/narratives/read';
import { addNarrativeVersion, approveNarrative, closeMeetingRecord } from '@/db/queries/narratives/write';
import { committeeReport, type CommitteeReport } from '@/db/queries/report/committee';
import { seedDemo } from '@/db/seed';
import { auditLog, indicators, meetingNarrativeVersions, progressUpdates, users } from '@/db/schema';
import { draftFromNumbers, narrativeFacts, narrativeWindow } from '@/data/narrative-facts';
import { formatDate, formatValue } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { hasChanges, wordDiff } from '@/lib/narrative/diff';
import { draftNarrative } from '@/lib/narrative/render';
import { createTestDatabase, driverUnderTest } from '../support/db';

// The narrative drafted from the demo: every figure in it is one the committee report or an indicator's chart
// shows, read here again independently; and its versions, approval and closing, on the real tables.

let handle: DbHandle;
let db: Db;
let meetingId: number;
const AS_OF = '2020-11-15';
const SINCE = '2020-05-07';

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
  const created = await createMeeting(
    db,
    { kind: 'steering_committee', heldOn: '2020-12-03', title: 'Second Steering Committee 2020', participants: null, agenda: null, minutes: null, participantIds: [] },
    null,
  );
  if (!created.ok) throw new Error('meeting not created');
  meetingId = created.id;
});

afterAll(async () => {
  await handle?.close();
});

async function readModel() {
  const report = (await committeeReport(db, { year: 2020, since: SINCE, asOf: AS_OF })) as CommitteeReport;
  const ids = report.goals.flatMap((g) => g.indicators.map((i) => i.id));
  const charts = new Map<number, IndicatorChart>();
  for (const id of ids) charts.set(id, (await indicatorChart(db, id, { asOf: AS_OF }))!);
  return { report, charts };
}

async function user(email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row!;
}

describe(`the narrative drafted from the demo (${driverUnderTest})`, () => {
  it('starts its window at the previous Steering Committee meeting and takes the plan’s as-of date', async () => {
    const window = (await narrativeWindow(db, (await findMeeting(db, meetingId))!))!;
    expect(window).toMatchObject({ since: SINCE, asOf: AS_OF, previousMeeting: { heldOn: SINCE } });
  });

  it('shows, for each indicator, the numbers its chart shows (chart and report agree)', async () => {
    const { report, charts } = await readModel();
    for (const i of report.goals.flatMap((g) => g.indicators)) {
      const chart = charts.get(i.id)!;
      expect(chart.evaluation.actual.value, i.code).toBe(i.now.actual.value);
      expect(chart.evaluation.targetToDate, i.code).toBe(i.now.targetToDate);
      expect(chart.evaluation.finalTarget, i.code).toBe(i.now.finalTarget);
      expect(chart.evaluation.status, i.code).toBe(i.now.status);
    }
  });

  it.each(['en', 'zh'] as const)('uses in %s no figure that the report or the charts do not show', async (locale) => {
    const meeting = (await findMeeting(db, meetingId))!;
    const window = (await narrativeWindow(db, meeting))!;
    const facts = (await narrativeFacts(db, window, AS_OF))!;
    const text = draftNarrative(facts.input)[locale];
    const { report, charts } = await readModel();
    const items = await openItemsByGoal(db, report.plan.id, AS_OF);

    const allowed = new Set<string>();
    const all = report.goals.flatMap((g) => g.indicators);
    for (const i of all) {
      const chart = charts.get(i.id)!;
      const fmt = (v: number | null) => v !== null && allowed.add(formatValue(locale, v, i.valueKind, i.unit));
      [i.then.actual.value, i.now.actual.value, i.now.targetToDate, i.now.finalTarget, chart.projectedEnd].forEach(fmt);
      if (chart.pacePerPeriod !== null) fmt(Math.abs(chart.pacePerPeriod));
      allowed.add(String(chart.remainingPeriods));
    }
    const counts = (list: typeof all) => {
      allowed.add(String(list.length));
      for (const s of ['ahead', 'on_track', 'at_risk', 'off_track', 'no_data'] as const) allowed.add(String(list.filter((i) => i.now.status === s).length));
      allowed.add(String(list.filter((i) => i.overdue).length));
    };
    counts(all);
    for (const g of report.goals) {
      counts(g.indicators);
      const mine = items.filter((it) => it.goalId === g.id);
      allowed.add(String(mine.length)).add(String(mine.filter((it) => it.overdue).length));
    }

    // Words that are not figures: codes, dates, names, titles and the items' own texts.
    let rest = text.replace(/^###.*$/gm, '');
    const words = [
      ...items.flatMap((it) => [it.text, it.owner ?? '', it.dueOn ? formatDate(locale, it.dueOn) : '']),
      ...all.map((i) => localized(locale, i.name, i.nameZh).text),
      formatDate(locale, SINCE),
      formatDate(locale, AS_OF),
      window.previousMeeting!.title,
    ].filter(Boolean).sort((a, b) => b.length - a.length);
    for (const w of words) rest = rest.split(w).join(' ');
    rest = rest.replace(/\bG\d+(\.\d+)?\b/g, ' ');
    const figures = rest.match(/(?:US\$|\$)?\d[\d,]*(?:\.\d+)?%?/g) ?? [];
    expect(figures.length).toBeGreaterThan(40);
    expect(figures.filter((f) => !allowed.has(f))).toEqual([]);
  });

  it('words each indicator behind target with the figures of its chart', async () => {
    const meeting = (await findMeeting(db, meetingId))!;
    const facts = (await narrativeFacts(db, (await narrativeWindow(db, meeting))!, AS_OF))!;
    const text = draftNarrative(facts.input).en;
    const { report, charts } = await readModel();
    const behind = report.goals.flatMap((g) => g.indicators).filter((i) => i.now.status === 'at_risk' || i.now.status === 'off_track');
    expect(behind.map((i) => i.code)).toEqual(['G3.4', 'G5.2', 'G5.3']);
    for (const i of behind) {
      const chart = charts.get(i.id)!;
      const fmt = (v: number) => formatValue('en', v, i.valueKind, i.unit);
      const status = i.now.status === 'at_risk' ? 'at risk' : 'off track';
      expect(text).toContain(`${i.code} (${i.name}) is ${status}: ${fmt(i.now.actual.value!)} against ${fmt(i.now.targetToDate)} expected by now.`);
      const pace = fmt(Math.abs(chart.pacePerPeriod!));
      const needs = chart.indicator.direction === 'increase' ? `needs ${pace} more a quarter` : `needs to come down by ${pace} a quarter`;
      expect(text).toContain(`${needs} over the remaining quarter to reach ${fmt(chart.evaluation.finalTarget)}.`);
      expect(text).toContain(`it would reach ${fmt(chart.projectedEnd!)} by the end of the plan`);
    }
    // Status changes carry the report's values then and now.
    const g11 = report.goals.flatMap((g) => g.indicators).find((i) => i.code === 'G1.1')!;
    expect(text).toContain(`G1.1 moved from ahead to on track (${g11.then.actual.value} → ${g11.now.actual.value}).`);
  });

  it('keeps the draft, the edit and the approval side by side; four eyes; closed means kept as it is', async () => {
    const staff = await user('staff@demo.local');
    const admin = await user('admin@demo.local');
    const drafted = await draftFromNumbers(db, meetingId, undefined, staff.id);
    expect(drafted.ok).toBe(true);
    const draftId = (drafted as { versionId: number }).versionId;
    const record = (await findNarrative(db, meetingId))!;
    const draft = record.versions.at(-1)!;
    expect(draft).toMatchObject({ kind: 'generated', asOf: AS_OF, since: SINCE, createdBy: staff.id });

    const edited = await addNarrativeVersion(db, meetingId, { kind: 'edited', basedOnVersionId: draftId, bodyEn: `${draft.bodyEn}\n\nStaff note.`, bodyZh: draft.bodyZh }, staff.id);
    expect(edited.ok).toBe(true);
    const editId = (edited as { versionId: number }).versionId;
    // An edit of a version that is no longer the latest would overwrite it unseen.
    expect(await addNarrativeVersion(db, meetingId, { kind: 'edited', basedOnVersionId: draftId, bodyEn: 'x', bodyZh: 'y' }, admin.id)).toEqual({ ok: false, error: 'stale' });
    // The editor cannot approve their own text; someone else can.
    expect(await approveNarrative(db, meetingId, editId, { id: staff.id, role: 'staff' })).toEqual({ ok: false, error: 'own_text' });
    expect(await approveNarrative(db, meetingId, draftId, { id: admin.id, role: 'admin' })).toEqual({ ok: false, error: 'stale' });
    expect(await approveNarrative(db, meetingId, editId, { id: admin.id, role: 'admin' })).toEqual({ ok: true, versionId: editId });

    const after = (await findNarrative(db, meetingId))!;
    expect(after.versions.map((v) => v.kind)).toEqual(['generated', 'edited']);
    expect(after).toMatchObject({ approvedVersionId: editId, approvedBy: admin.id });
    expect(hasChanges(wordDiff('en', after.versions[0]!.bodyEn, after.versions[1]!.bodyEn))).toBe(true);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityType, 'meeting_narrative'), eq(auditLog.entityId, String(after.id))));
    expect(audit.map((a) => a.action).sort()).toEqual(['narrative.approve', 'narrative.edit', 'narrative.generate']);

    // The committee report whose window starts at the previous meeting carries the approved text.
    const plan = (await committeeReport(db, { year: 2020, asOf: AS_OF }))!;
    const inReport = await approvedNarrativeFor(db, plan.plan.id, plan.since);
    expect(inReport?.bodyEn).toContain('Staff note.');

    // Closed: nothing changes any more, the approved text stays.
    expect(await closeMeetingRecord(db, meetingId, admin.id)).toEqual({ ok: true });
    expect(await draftFromNumbers(db, meetingId, undefined, staff.id)).toEqual({ ok: false, error: 'closed' });
    expect(await addNarrativeVersion(db, meetingId, { kind: 'edited', basedOnVersionId: editId, bodyEn: 'late', bodyZh: 'late' }, staff.id)).toEqual({ ok: false, error: 'closed' });
    expect(await approveNarrative(db, meetingId, editId, { id: admin.id, role: 'admin' })).toEqual({ ok: false, error: 'closed' });
    expect((await approvedNarrativeFor(db, plan.plan.id, plan.since))?.bodyEn).toBe(inReport!.bodyEn);
    // And the database keeps every version as written.
    await expect(db.update(meetingNarrativeVersions).set({ bodyEn: 'rewritten' }).where(eq(meetingNarrativeVersions.id, editId))).rejects.toThrow();
    await expect(db.delete(meetingNarrativeVersions).where(eq(meetingNarrativeVersions.id, editId))).rejects.toThrow();
  });

  it('redrafted after new data, shows what changed in the draft', async () => {
    const staff = await user('staff@demo.local');
    const created = await createMeeting(
      db,
      { kind: 'steering_committee', heldOn: '2020-12-10', title: 'Extra Steering Committee', participants: null, agenda: null, minutes: null, participantIds: [] },
      null,
    );
    const id = (created as { id: number }).id;
    // Its previous meeting is the one above (3 December), after the as-of date: the window starts there.
    expect(await draftFromNumbers(db, id, AS_OF, staff.id)).toEqual({ ok: false, error: 'as_of_outside' });
    // Back to the demo's window: draft, then an approved G3.4 commitment known before the as-of date, then redraft.
    const demoMeeting = await createMeeting(
      db,
      { kind: 'steering_committee', heldOn: '2020-11-20', title: 'November Steering Committee', participants: null, agenda: null, minutes: null, participantIds: [] },
      null,
    );
    const nov = (demoMeeting as { id: number }).id;
    expect((await draftFromNumbers(db, nov, undefined, staff.id)).ok).toBe(true);
    const before = (await findNarrative(db, nov))!.versions.at(-1)!;
    const [g34] = await db.select().from(indicators).where(and(eq(indicators.code, 'G3.4'), sql`${indicators.planId} = (select plan_id from meetings where id = ${nov})`));
    const known = new Date('2020-11-14T10:00:00Z');
    await db.insert(progressUpdates).values({
      indicatorId: g34!.id,
      periodStart: '2020-10-01',
      periodEnd: '2020-12-31',
      value: 100000,
      status: 'approved',
      reportedBy: staff.id,
      reviewedBy: staff.id,
      reviewedAt: known,
      createdAt: known,
      updatedAt: known,
    });
    expect((await draftFromNumbers(db, nov, undefined, staff.id)).ok).toBe(true);
    const again = (await findNarrative(db, nov))!.versions.at(-1)!;
    expect(again.kind).toBe('generated');
    const changes = wordDiff('en', before.bodyEn, again.bodyEn).filter((p) => p.change !== 'same');
    expect(changes.find((p) => p.change === 'removed')?.text).toBeDefined();
    expect(changes.some((p) => p.change === 'added' && p.text.includes('475,000'))).toBe(true);
    expect(changes.some((p) => p.change === 'removed' && p.text.includes('375,000'))).toBe(true);
  });
});
