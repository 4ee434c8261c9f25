import { XMLBuilder } from 'fast-xml-parser';
import type { IatiTag } from '@/lib/sdg';

/**
 * A plan as an IATI 2.03 activity file: the plan is one activity; each goal's indicators are results (type 1,
 * output), each indicator an IATI indicator with its baseline and one period per reporting period carrying the
 * period's target and actual (only where there is a number: IATI values are decimals, never empty). Elements are
 * written in the order the IATI 2.03 schema's sequences require. Pure: the caller gathers the numbers.
 */

export interface IatiPeriod {
  start: string;
  end: string;
  target: number | null;
  actual: number | null;
}

export interface IatiIndicator {
  code: string;
  name: string;
  unit: string;
  valueKind: 'count' | 'percent' | 'currency' | 'milestone';
  direction: 'increase' | 'decrease';
  baseline: { date: string; value: number };
  periods: IatiPeriod[];
}

export interface IatiResult {
  code: string;
  title: string;
  indicators: IatiIndicator[];
}

/**
 * An activity budget (IATI budget): the whole plan's budget for a period of at most a year, original (type 1) as
 * endorsed or revised (type 2) after revisions; committed (status 2) once the plan is endorsed, else indicative (1).
 * The value is the exact decimal; value-date is the day its currency value is taken on.
 */
export interface IatiBudget {
  type: 'original' | 'revised';
  start: string;
  end: string;
  value: string;
  currency: string;
  valueDate: string;
}

export interface IatiActivity {
  reportingOrg: { ref: string; type: string; name: string };
  identifier: string;
  title: string;
  description: string | null;
  status: 'draft' | 'endorsed' | 'closed';
  startDate: string;
  endDate: string;
  generatedAt: string;
  /** Activity tags: the SDGs (vocabulary 2) and SDG targets (vocabulary 3) its goals and indicators are tagged with. */
  tags: IatiTag[];
  budgets?: IatiBudget[];
  results: IatiResult[];
}

/** IATI IndicatorMeasure: 1 unit, 2 percentage, 5 qualitative (a milestone is met or not). */
const measureOf: Record<IatiIndicator['valueKind'], string> = { count: '1', currency: '1', percent: '2', milestone: '5' };
/** IATI ActivityStatus: 1 pipeline/identification, 2 implementation, 3 finalisation. */
const statusOf: Record<IatiActivity['status'], string> = { draft: '1', endorsed: '2', closed: '3' };

/** IATI BudgetType: 1 original, 2 revised; BudgetStatus: 1 indicative, 2 committed. */
const budgetTypeOf: Record<IatiBudget['type'], string> = { original: '1', revised: '2' };

function budgetElement(b: IatiBudget, status: IatiActivity['status']) {
  return {
    '@_type': budgetTypeOf[b.type],
    '@_status': status === 'draft' ? '1' : '2',
    'period-start': { '@_iso-date': b.start },
    'period-end': { '@_iso-date': b.end },
    value: { '@_currency': b.currency, '@_value-date': b.valueDate, '#text': b.value },
  };
}

const narrative = (text: string) => ({ narrative: { '#text': text } });
const decimal = (n: number) => String(n);

function indicatorElement(i: IatiIndicator) {
  return {
    '@_measure': measureOf[i.valueKind],
    '@_ascending': i.direction === 'increase' ? '1' : '0',
    title: narrative(`${i.code} ${i.name} (${i.unit})`),
    baseline: { '@_year': i.baseline.date.slice(0, 4), '@_iso-date': i.baseline.date, '@_value': decimal(i.baseline.value) },
    period: i.periods.map((p) => ({
      'period-start': { '@_iso-date': p.start },
      'period-end': { '@_iso-date': p.end },
      ...(p.target === null ? {} : { target: { '@_value': decimal(p.target) } }),
      ...(p.actual === null ? {} : { actual: { '@_value': decimal(p.actual) } }),
    })),
  };
}

export function iatiActivityXml(a: IatiActivity): string {
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'iati-activities': {
      '@_version': '2.03',
      '@_generated-datetime': a.generatedAt,
      'iati-activity': {
        '@_last-updated-datetime': a.generatedAt,
        '@_xml:lang': 'en',
        'iati-identifier': a.identifier,
        'reporting-org': { '@_ref': a.reportingOrg.ref, '@_type': a.reportingOrg.type, ...narrative(a.reportingOrg.name) },
        title: narrative(a.title),
        ...(a.description ? { description: { '@_type': '1', ...narrative(a.description) } } : {}),
        'participating-org': { '@_ref': a.reportingOrg.ref, '@_role': '4', '@_type': a.reportingOrg.type, ...narrative(a.reportingOrg.name) },
        'activity-status': { '@_code': statusOf[a.status] },
        'activity-date': [
          { '@_type': '1', '@_iso-date': a.startDate },
          { '@_type': '3', '@_iso-date': a.endDate },
        ],
        // In the schema's sequence, tag comes after activity-date (and sector) and before result.
        ...(a.tags.length ? { tag: a.tags.map((tag) => ({ '@_vocabulary': tag.vocabulary, '@_code': tag.code, ...narrative(tag.narrative) })) } : {}),
        // budget comes after the activity's classifications and before its results in the 2.03 sequence.
        ...(a.budgets && a.budgets.length > 0 ? { budget: a.budgets.map((b) => budgetElement(b, a.status)) } : {}),
        result: a.results.map((r) => ({
          '@_type': '1',
          title: narrative(`${r.code} ${r.title}`),
          indicator: r.indicators.map(indicatorElement),
        })),
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true }).build(doc);
}
