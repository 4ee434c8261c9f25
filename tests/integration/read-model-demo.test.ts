import { randomUUID } from 'node:crypto';
import Papa from 'papaparse';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { indicatorChart } from '@/db/queries/charts/indicator-chart';
import { getOverview, type OverviewIndicator } from '@/db/queries/overview';
import { findPlan } from '@/db/queries/plans';
import { queryRows } from '@/db/queries/raw';
import { committeeReport, type ReportIndicator } from '@/db/queries/report/committee';
import { reviewUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { reportExportHeader, reportExportRows } from '@/db/queries/report/export';
import { seedDemo } from '@/db/seed';
import { cities, indicators, users } from '@/db/schema';
import { toCsv } from '@/lib/csv';
import { actualToDate } from '@/lib/progress';
import type { Observation } from '@/lib/progress/types';
import { createTestDatabase, driverUnderTest } from '../support/db';

// One number for one question: the demo's overview, goal page, indicator page, report, its PDF and its CSV
// export give every indicator the same actual, also right after an update is logged and approved now (the
// demo's as-of date is fixed in November 2020), and it is the actual recomputed from the raw rows.

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemo(db);
});

afterAll(async () => {
  await handle?.close();
});

/** The actual of every indicator as each place shows it. */
async function everyPlace() {
  const overview = (await getOverview(db, { openGoals: 'all' }))!;
  const report = (await committeeReport(db))!;
  const csv = Papa.parse<string[]>(toCsv(reportExportHeader, reportExportRows(report)).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const column = csv[0]!.indexOf('actual');
  const codeColumn = csv[0]!.indexOf('indicator_code');
  const fromOverview = new Map(overview.goals.flatMap((g) => g.indicators).map((i: OverviewIndicator) => [i.code, i.evaluation.actual.value]));
  const fromReport = new Map(report.goals.flatMap((g) => g.indicators).map((i: ReportIndicator) => [i.code, i.now.actual.value]));
  const fromCsv = new Map(csv.slice(1).map((r) => [r[codeColumn]!, r[column] === '' ? null : Number(r[column])]));
  const charts = new Map<string, number | null>();
  const pdfCharts = new Map<string, number | null>();
  for (const i of report.goals.flatMap((g) => g.indicators)) {
    // The goal and indicator pages draw indicatorChart at the plan's as-of date; the report's PDF prints the
    // report page, whose charts are indicatorChart at the report's dates.
    charts.set(i.code, (await indicatorChart(db, i.id))!.evaluation.actual.value);
    pdfCharts.set(i.code, (await indicatorChart(db, i.id, { asOf: report.asOf, knownOn: report.knownOn ?? undefined }))!.evaluation.actual.value);
  }
  return { overview, report, fromOverview, fromReport, fromCsv, charts, pdfCharts };
}

const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? a === b || (a ?? null) === (b ?? null) : Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));

describe(`the demo shows one number per indicator everywhere (${driverUnderTest})`, () => {
  it('recomputes every logged demo indicator from the raw rows, and overview, goal, indicator, report, PDF and CSV agree', async () => {
    const places = await everyPlace();
    const plan = (await findPlan(db))!;
    const raw = await queryRows<{ indicatorId: number; code: string; accumulation: 'non_cumulative' | 'cumulative' | 'snapshot'; valueKind: 'count' | 'percent' | 'currency' | 'milestone'; periodStart: string; periodEnd: string; value: number | null; numerator: number | null; denominator: number | null; seriesKey: string }>(
      db,
      sql`select i.id as "indicatorId", i.code, i.accumulation, i.value_kind as "valueKind", u.period_start::text as "periodStart",
          u.period_end::text as "periodEnd", u.value::float8 as value, u.numerator::float8 as numerator, u.denominator::float8 as denominator,
          concat(coalesce(u.city_id, 0), '|', coalesce(u.cluster_id, 0), '|', coalesce(u.partner_id, 0)) as "seriesKey"
        from progress_updates u join indicators i on i.id = u.indicator_id
        where i.plan_id = ${plan.id} and i.source = 'manual' and i.retired_at is null and u.status = 'approved'
        order by u.id`,
    );
    const logged = await db.select().from(indicators).where(and(eq(indicators.planId, plan.id), eq(indicators.source, 'manual')));
    // The demo's manual indicators: G3.4, G5.1, G5.3, G5.5 (the others derive from the registries and the budget).
    expect(logged.length).toBeGreaterThanOrEqual(4);
    for (const i of logged.filter((x) => x.retiredAt === null)) {
      const observations: Observation[] = raw.filter((r) => r.indicatorId === i.id);
      const expected = actualToDate(i, observations, places.report.asOf).value;
      for (const [place, values] of Object.entries({ overview: places.fromOverview, report: places.fromReport, csv: places.fromCsv, chart: places.charts, pdf: places.pdfCharts })) {
        expect(close(values.get(i.code), expected), `${i.code} on the ${place}: ${values.get(i.code)} vs ${expected}`).toBe(true);
      }
    }
    // Derived indicators too are one number everywhere.
    for (const [code, value] of places.fromReport) {
      for (const values of [places.fromOverview, places.fromCsv, places.charts, places.pdfCharts]) expect(close(values.get(code), value), code).toBe(true);
    }
  });

  it('shows an update logged and approved now on every page, export and PDF', async () => {
    const plan = (await findPlan(db))!;
    const [target] = await db
      .select()
      .from(indicators)
      .where(and(eq(indicators.planId, plan.id), eq(indicators.source, 'manual'), eq(indicators.valueKind, 'currency'), eq(indicators.accumulation, 'non_cumulative')));
    expect(target).toBeDefined();
    const [staff] = await db.select().from(users).where(eq(users.email, 'staff@demo.local'));
    const [admin] = await db.select().from(users).where(eq(users.email, 'admin@demo.local'));
    const [city] = await db.select().from(cities).limit(1);
    const before = await everyPlace();
    const created = await createUpdate(db, {
      planId: plan.id,
      indicatorCode: target!.code,
      period: before.report.asOf,
      place: target!.disaggregations.includes('city') ? { cityId: city!.id } : {},
      figures: { value: '3727' },
      note: '',
      evidenceUrl: '',
      status: 'submitted',
      idempotencyKey: randomUUID(),
      confirmed: true,
      actorId: staff!.id,
    });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const approved = await reviewUpdate(db, { updateId: created.update.id, version: created.update.version, actorId: admin!.id, actorRole: 'admin', decision: 'approve', comment: '' });
    expect(approved.ok).toBe(true);
    const after = await everyPlace();
    const expected = (before.fromReport.get(target!.code) ?? 0) + 3727;
    for (const [place, values] of Object.entries({ overview: after.fromOverview, report: after.fromReport, csv: after.fromCsv, chart: after.charts, pdf: after.pdfCharts })) {
      expect(close(values.get(target!.code), expected), `${target!.code} on the ${place}`).toBe(true);
    }
    expect(after.report.knownOn).toBeNull();
    expect(after.overview.asOf).toBe(after.report.asOf);
  });
});
