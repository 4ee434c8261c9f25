import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getIati } from '@/app/api/v1/plans/[year]/iati/route';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { and, eq } from 'drizzle-orm';
import { reviseBudgetLine } from '@/db/queries/budget/lines';
import { indicatorChartByCode } from '@/db/queries/charts/indicator-chart';
import { findPlan } from '@/db/queries/plans';
import { budgetLines, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { callApi, tokenFor, type Body } from '../support/api';
import { createTestDatabase } from '../support/db';

// The IATI 2.03 activity file. No kept package here ships the IATI XSD, so the schema rules the file relies on
// are written out below, each named after the IATI 2.03 activity standard's element or rule it checks.

let handle: DbHandle;
let db: Db;
let xml: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  const response = await callApi(getIati, '/api/v1/plans/2020/iati', { token: await tokenFor(db, 'staff@demo.local'), params: { year: '2020' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/xml');
  xml = await response.text();
});

afterAll(async () => {
  await closeDb();
});

const decimal = /^-?\d+(\.\d+)?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
/** The IATI 2.03 budget rules the file relies on. */
function checkBudgets(budgets: Body[]) {
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  for (const b of budgets) {
    expect(['1', '2']).toContain(b['@_type']); // BudgetType codelist
    expect(['1', '2']).toContain(b['@_status']); // BudgetStatus codelist
    const start = b['period-start']['@_iso-date'];
    const end = b['period-end']['@_iso-date'];
    expect(start).toMatch(isoDate);
    expect(end).toMatch(isoDate);
    expect(start < end).toBe(true); // Rule: the budget period starts before it ends
    expect(days(start, end)).toBeLessThanOrEqual(366); // Rule: a budget period is no longer than a year
    expect(String(b.value['#text'])).toMatch(decimal); // value is an xsd:decimal
    expect(b.value['@_currency']).toMatch(/^[A-Z]{3}$/); // Currency codelist (ISO 4217)
    expect(b.value['@_value-date']).toMatch(isoDate); // value-date is required
  }
  // Rule: budgets of the same type do not overlap.
  for (const type of ['1', '2']) {
    const same = budgets.filter((b) => b['@_type'] === type).sort((x, y) => (x['period-start']['@_iso-date'] < y['period-start']['@_iso-date'] ? -1 : 1));
    for (let i = 1; i < same.length; i++) expect(same[i]['period-start']['@_iso-date'] > same[i - 1]['period-end']['@_iso-date']).toBe(true);
  }
}

const tagsOf = (nodes: Body[]) => nodes.map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');

describe('the IATI 2.03 activity file', () => {
  it('is well-formed XML with iati-activities@version 2.03 and a generated-datetime', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc['iati-activities']['@_version']).toBe('2.03');
    expect(doc['iati-activities']['@_generated-datetime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('orders iati-activity’s children as the schema’s sequence does', () => {
    const ordered = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(xml) as Body[];
    const activities = ordered.find((n) => n['iati-activities'])['iati-activities'];
    const activity = activities.find((n: Body) => n['iati-activity'])['iati-activity'];
    // The 2.03 iati-activity sequence, in part: …, activity-date, contact-info, activity-scope, recipient-country,
    // recipient-region, location, sector, tag, country-budget-items, …, budget, …, result, ….
    const sequence = ['iati-identifier', 'reporting-org', 'title', 'description', 'participating-org', 'activity-status', 'activity-date', 'tag', 'budget', 'result'];
    const tags = tagsOf(activity);
    const positions = tags.map((t) => sequence.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const required of ['iati-identifier', 'reporting-org', 'title', 'participating-org', 'activity-status', 'activity-date', 'budget']) expect(tags).toContain(required);
    // budget: period-start, period-end, value
    for (const budget of activity.filter((n: Body) => n.budget).map((n: Body) => n.budget)) expect(tagsOf(budget)).toEqual(['period-start', 'period-end', 'value']);
    // result: title, indicator+ ; indicator: title, baseline*, period* ; period: period-start, period-end, target*, actual*
    for (const result of activity.filter((n: Body) => n.result).map((n: Body) => n.result)) {
      const rtags = tagsOf(result);
      expect(rtags[0]).toBe('title');
      expect(rtags.slice(1).every((t) => t === 'indicator')).toBe(true);
      for (const indicator of result.filter((n: Body) => n.indicator).map((n: Body) => n.indicator)) {
        const itags = tagsOf(indicator);
        expect(itags[0]).toBe('title');
        const firstPeriod = itags.indexOf('period');
        expect(itags.lastIndexOf('baseline')).toBeLessThan(firstPeriod === -1 ? Infinity : firstPeriod);
        for (const period of indicator.filter((n: Body) => n.period).map((n: Body) => n.period)) {
          const ptags = tagsOf(period);
          expect(ptags.slice(0, 2)).toEqual(['period-start', 'period-end']);
          expect(ptags.slice(2).every((t) => t === 'target' || t === 'actual')).toBe(true);
          expect(ptags.lastIndexOf('target')).toBeLessThan(ptags.includes('actual') ? ptags.indexOf('actual') : Infinity);
        }
      }
    }
  });

  it('follows the identifier, organisation, date and code-list rules', () => {
    const activity = new XMLParser({ ignoreAttributes: false }).parse(xml)['iati-activities']['iati-activity'];
    const org = activity['reporting-org'];
    // Rule: the iati-identifier starts with the reporting organisation's identifier.
    expect(activity['iati-identifier'].startsWith(`${org['@_ref']}-`)).toBe(true);
    expect(org.narrative).toBeTruthy();
    expect(org['@_type']).toMatch(/^\d{2}$/);
    expect(['1', '2', '3', '4', '5', '6']).toContain(activity['activity-status']['@_code']); // ActivityStatus codelist
    const dates = asArray<Body>(activity['activity-date']);
    // Rule: an activity has a planned (1) or actual (2) start date; ActivityDateType codes 1–4.
    expect(dates.some((d) => d['@_type'] === '1' || d['@_type'] === '2')).toBe(true);
    for (const d of dates) {
      expect(['1', '2', '3', '4']).toContain(d['@_type']);
      expect(d['@_iso-date']).toMatch(isoDate);
    }
    const results = asArray<Body>(activity.result);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(['1', '2', '3', '9']).toContain(result['@_type']); // ResultType codelist
      expect(result.title.narrative).toBeTruthy();
      const indicators = asArray<Body>(result.indicator);
      expect(indicators.length).toBeGreaterThan(0); // a result has at least one indicator
      for (const indicator of indicators) {
        expect(['1', '2', '3', '4', '5']).toContain(indicator['@_measure']); // IndicatorMeasure codelist
        expect(['0', '1']).toContain(indicator['@_ascending']); // xsd:boolean
        expect(indicator.title.narrative).toBeTruthy();
        const baseline = indicator.baseline;
        expect(baseline['@_year']).toMatch(/^\d{4}$/); // baseline@year is required
        expect(baseline['@_iso-date']).toMatch(isoDate);
        expect(baseline['@_value']).toMatch(decimal);
        for (const period of asArray<Body>(indicator.period)) {
          const start = period['period-start']['@_iso-date'];
          const end = period['period-end']['@_iso-date'];
          expect(start).toMatch(isoDate);
          expect(end >= start).toBe(true); // the period ends on or after it starts
          for (const v of [...asArray<Body>(period.target), ...asArray<Body>(period.actual)]) expect(v['@_value']).toMatch(decimal);
        }
      }
    }
  });

  it('tags the activity with the SDGs and targets its goals and indicators are tagged with (tag rules of 2.03)', async () => {
    const activity = new XMLParser({ ignoreAttributes: false }).parse(xml)['iati-activities']['iati-activity'];
    const tags = asArray<Body>(activity.tag);
    // The demo plan is tagged (db/seed/sdg.ts): its goals and indicators name goals 3, 4, 8, 11, 17 and targets.
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      // tag@code and tag@vocabulary are required; TagVocabulary codelist: 1 Agrovoc, 2 SDG goals, 3 SDG targets,
      // 99 the reporting organisation's own (which would need a vocabulary-uri).
      expect(['1', '2', '3', '99']).toContain(tag['@_vocabulary']);
      expect(tag['@_code']).toBeTruthy();
      if (tag['@_vocabulary'] === '99') expect(tag['@_vocabulary-uri']).toBeTruthy();
      // SDG goals codelist: 1–17; SDG targets codelist: goal.number or goal.letter.
      if (tag['@_vocabulary'] === '2') expect(tag['@_code']).toMatch(/^(1[0-7]|[1-9])$/);
      if (tag['@_vocabulary'] === '3') expect(tag['@_code']).toMatch(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-d])$/);
      expect(tag.narrative).toBeTruthy();
    }
    const goals = tags.filter((t) => t['@_vocabulary'] === '2').map((t) => t['@_code']);
    const targets = tags.filter((t) => t['@_vocabulary'] === '3').map((t) => t['@_code']);
    expect(goals).toEqual(['3', '4', '8', '11', '17']);
    expect(targets).toEqual(expect.arrayContaining(['3.d', '4.4', '11.a', '17.16', '17.17']));
    // Every target's goal is reported too.
    for (const t of targets) expect(goals).toContain(t.split('.')[0]);
  });

  it('follows the budget rules, with the plan’s budget as the budget page gives it', async () => {
    const activity = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml)['iati-activities']['iati-activity'];
    const budgets = asArray<Body>(activity.budget);
    checkBudgets(budgets);
    // The demo's August reprogramming moved money between lines: the total is unchanged, so no revised budget.
    expect(budgets.map((b) => [b['@_type'], b['@_status'], b.value['#text'], b.value['@_currency']])).toEqual([['1', '2', '1200000.00', 'USD']]);
  });

  it('adds a revised budget when a revision changes the total', async () => {
    const plan = (await findPlan(db, 2020))!;
    const [line] = await db.select().from(budgetLines).where(and(eq(budgetLines.planId, plan.id), eq(budgetLines.code, 'B5')));
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.local'));
    expect((await reviseBudgetLine(db, { lineId: line!.id, newAmount: '100000.50', effectiveOn: '2020-10-01', reason: 'Top-up' }, admin!.id)).ok).toBe(true);
    const response = await callApi(getIati, '/api/v1/plans/2020/iati', { token: await tokenFor(db, 'staff@demo.local'), params: { year: '2020' } });
    const activity = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(await response.text())['iati-activities']['iati-activity'];
    const budgets = asArray<Body>(activity.budget);
    checkBudgets(budgets);
    expect(budgets.map((b) => [b['@_type'], b.value['#text'], b.value['@_value-date']])).toEqual([['1', '1200000.00', '2020-01-01'], ['2', '1210000.50', '2020-10-01']]);
  });

  it('carries the same period targets and actuals as the indicator page’s chart', async () => {
    const activity = new XMLParser({ ignoreAttributes: false }).parse(xml)['iati-activities']['iati-activity'];
    const indicator = asArray<Body>(activity.result)
      .flatMap((r) => asArray<Body>(r.indicator))
      .find((i) => String(i.title.narrative).startsWith('G3.4 '));
    const chart = await indicatorChartByCode(db, 'G3.4', { year: 2020 });
    const periods = asArray<Body>(indicator.period);
    expect(periods.map((p) => Number(p.target['@_value']))).toEqual(chart!.points.map((p) => p.target));
    expect(periods.map((p) => (p.actual ? Number(p.actual['@_value']) : null))).toEqual(chart!.points.map((p) => p.actual));
  });

  it('is for staff and admins: a committee member’s token is refused', async () => {
    const response = await callApi(getIati, '/api/v1/plans/2020/iati', { token: await tokenFor(db, 'committee@demo.local'), params: { year: '2020' } });
    expect(response.status).toBe(403);
  });
});
