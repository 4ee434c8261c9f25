import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { indicatorChart, type IndicatorChart } from '@/db/queries/charts/indicator-chart';
import type { Meeting } from '@/db/queries/meetings/meetings';
import { findMeeting } from '@/db/queries/meetings/meetings';
import { openItemsByGoal, previousSteeringMeeting } from '@/db/queries/narratives/read';
import { addNarrativeVersion, type NarrativeWriteResult } from '@/db/queries/narratives/write';
import { asOfDateFor } from '@/db/queries/plans';
import { committeeReport, type CommitteeReport } from '@/db/queries/report/committee';
import { workPlans } from '@/db/schema';
import { draftNarrative } from '@/lib/narrative/render';
import type { NarrativeInput } from '@/lib/narrative/types';

/**
 * The narrative's facts, read from the read model and nowhere else: each indicator's standing then and now from
 * the committee report (the same evaluation the report and its PDF show), its projection and pace from its chart
 * (the same numbers as the chart's caption), overdue reports from the report, and the goal's open items on the
 * as-of date. No progress arithmetic happens here.
 */

export interface NarrativeWindow {
  planId: number;
  planYear: number;
  planStart: string;
  planEnd: string;
  previousMeeting: { id: number; heldOn: string; title: string } | null;
  since: string;
  /** The default as-of date: the plan's, but never after the meeting. */
  asOf: string;
}

/** The window of a meeting's narrative: from the previous Steering Committee meeting (or the plan's start). */
export async function narrativeWindow(db: Db, meeting: Meeting): Promise<NarrativeWindow | undefined> {
  if (meeting.planId === null) return undefined;
  const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, meeting.planId));
  if (!plan) return undefined;
  const previousMeeting = await previousSteeringMeeting(db, meeting);
  const since = previousMeeting?.heldOn ?? plan.startDate;
  const planAsOf = await asOfDateFor(db, plan);
  const asOf = planAsOf > meeting.heldOn ? meeting.heldOn : planAsOf;
  return { planId: plan.id, planYear: plan.year, planStart: plan.startDate, planEnd: plan.endDate, previousMeeting, since, asOf: asOf < since ? since : asOf };
}

export interface NarrativeFacts {
  input: NarrativeInput;
  /** What the facts were read from, for tests and for the page's "figures as of". */
  report: CommitteeReport;
  charts: Map<number, IndicatorChart>;
}

export async function narrativeFacts(db: Db, window: NarrativeWindow, asOf: string): Promise<NarrativeFacts | undefined> {
  const report = await committeeReport(db, { year: window.planYear, since: window.since, asOf });
  if (!report || report.plan.id !== window.planId) return undefined;
  const ids = report.goals.flatMap((g) => g.indicators.map((i) => i.id));
  const [charts, items] = await Promise.all([
    Promise.all(ids.map((id) => indicatorChart(db, id, { asOf }))),
    openItemsByGoal(db, window.planId, asOf),
  ]);
  const chartById = new Map(charts.flatMap((c) => (c ? [[c.indicator.id, c] as const] : [])));
  const input: NarrativeInput = {
    since: window.since,
    asOf,
    previousMeeting: window.previousMeeting ? { title: window.previousMeeting.title, heldOn: window.previousMeeting.heldOn } : null,
    goals: report.goals.map((g) => ({
      code: g.code,
      title: g.title,
      titleZh: g.titleZh,
      indicators: g.indicators.flatMap((i) => {
        const chart = chartById.get(i.id);
        if (!chart) return [];
        return [
          {
            code: i.code,
            name: i.name,
            nameZh: i.nameZh,
            valueKind: i.valueKind,
            unit: i.unit,
            direction: chart.indicator.direction,
            frequency: chart.indicator.frequency,
            accumulation: chart.indicator.accumulation,
            then: { status: i.then.status, value: i.then.actual.value, achievement: i.then.achievement },
            now: {
              status: i.now.status,
              value: i.now.actual.value,
              achievement: i.now.achievement,
              targetToDate: i.now.targetToDate,
              finalTarget: i.now.finalTarget,
            },
            projectedEnd: chart.projectedEnd,
            pacePerPeriod: chart.pacePerPeriod,
            remainingPeriods: chart.remainingPeriods,
            overdue: i.overdue,
          },
        ];
      }),
      openItems: items
        .filter((item) => item.goalId === g.id)
        .map((item) => ({ kind: item.kind, text: item.text, owner: item.owner, dueOn: item.dueOn, overdue: item.overdue })),
    })),
  };
  return { input, report, charts: chartById };
}

export type DraftResult = NarrativeWriteResult | { ok: false; error: 'no_plan' | 'as_of_outside' };

/**
 * Drafts the narrative from the numbers as of a date (default: the plan's as-of date, not after the meeting) and
 * keeps it as a new version. The caller has authorized 'narrative.edit'.
 */
export async function draftFromNumbers(db: Db, meetingId: number, asOf: string | undefined, actorId: string): Promise<DraftResult> {
  const meeting = await findMeeting(db, meetingId);
  if (!meeting) return { ok: false, error: 'not_found' };
  if (meeting.kind !== 'steering_committee') return { ok: false, error: 'not_steering' };
  if (meeting.closedAt) return { ok: false, error: 'closed' };
  const window = await narrativeWindow(db, meeting);
  if (!window) return { ok: false, error: 'no_plan' };
  const date = asOf ?? window.asOf;
  if (date < window.since || date > window.planEnd) return { ok: false, error: 'as_of_outside' };
  const facts = await narrativeFacts(db, window, date);
  if (!facts) return { ok: false, error: 'no_plan' };
  const body = draftNarrative(facts.input);
  return addNarrativeVersion(
    db,
    meetingId,
    { kind: 'generated', asOf: date, since: window.since, previousMeetingId: window.previousMeeting?.id ?? null, bodyEn: body.en, bodyZh: body.zh },
    actorId,
  );
}
