import { z } from 'zod';
import { periodsBetween, type Frequency, type IsoDate } from '@/lib/periods';
import { derivationKeys } from '@/lib/derivations';
import { finalTarget } from '@/lib/progress/targets';
import type { IndicatorRule, Milestone } from '@/lib/progress/types';
import { codeField, idField, isoDateField, numberField, optionalIsoDate, optionalText, requiredText } from './plans';

/**
 * The indicator form (every field of the data model, definition sheet included) and the targets form, plus
 * the pure consistency rules of targets. Messages are keys under `plans.validation`.
 */

export const valueKinds = ['count', 'percent', 'currency', 'milestone'] as const;
export const accumulations = ['non_cumulative', 'cumulative', 'snapshot'] as const;
export const directions = ['increase', 'decrease'] as const;
export const frequencies = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const sources = ['manual', 'derived'] as const;
export const disaggregationKinds = ['city', 'cluster', 'partner'] as const;

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'plans.validation.choose' });
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v === undefined ? null : v);

export const indicatorSchema = z
  .object({
    planId: idField,
    /** Absent when adding an indicator. */
    indicatorId: z.preprocess(blankToNull, idField.nullable()),
    goalId: idField,
    code: codeField,
    name: requiredText(300),
    nameZh: optionalText(300),
    description: optionalText(4000),
    descriptionZh: optionalText(4000),
    unit: requiredText(40),
    valueKind: choice(valueKinds),
    accumulation: choice(accumulations),
    direction: choice(directions),
    baselineValue: numberField,
    baselineDate: isoDateField,
    /** Only read when adding: afterwards targets change through the targets form (revisions once endorsed). */
    targetValue: z.preprocess(blankToNull, numberField.nullable()),
    targetDate: isoDateField,
    frequency: choice(frequencies),
    ownerId: z.preprocess(blankToNull, z.uuid({ error: 'plans.validation.invalid' }).nullable()),
    source: choice(sources),
    /** One of the derivations the code computes (lib/derivations.ts); anything else is refused. */
    derivedKey: z.preprocess(blankToNull, z.enum(derivationKeys, { error: 'plans.validation.derivedKeyUnknown' }).nullable()),
    disaggregations: z.array(choice(disaggregationKinds)).transform((list) => [...new Set(list)]),
    definition: optionalText(4000),
    meansOfVerification: optionalText(4000),
    collectionMethod: optionalText(4000),
    targetRationale: optionalText(4000),
  })
  .refine((v) => v.baselineDate <= v.targetDate, { path: ['baselineDate'], message: 'plans.validation.baselineAfterTarget' })
  .refine((v) => (v.source === 'derived') === (v.derivedKey !== null), {
    path: ['derivedKey'],
    message: 'plans.validation.derivedKey',
  })
  .refine((v) => v.indicatorId !== null || v.targetValue !== null, { path: ['targetValue'], message: 'plans.validation.numberRequired' });
export type IndicatorInput = z.infer<typeof indicatorSchema>;

export const indicatorFieldNames = [
  'planId', 'indicatorId', 'goalId', 'code', 'name', 'nameZh', 'description', 'descriptionZh', 'unit', 'valueKind',
  'accumulation', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate', 'frequency', 'ownerId',
  'source', 'derivedKey', 'definition', 'meansOfVerification', 'collectionMethod', 'targetRationale',
] as const;

/** The targets form: the final target and one optional milestone per reporting period. */
export const targetsSchema = z.object({
  indicatorId: idField,
  finalTarget: numberField,
  /** By period end; null where the field was left blank. */
  milestones: z.record(z.string(), z.preprocess(blankToNull, numberField.nullable())),
  /** Required once the plan is endorsed (checked with the plan's status in db/queries/plan-admin/targets.ts). */
  effectiveOn: optionalIsoDate,
  reason: optionalText(2000),
});
export type TargetsInput = z.infer<typeof targetsSchema>;

/** A value outside what its kind allows: percents 0–100, milestones 0 or 1, others not negative. */
export function valueOutOfRange(valueKind: (typeof valueKinds)[number], value: number): boolean {
  if (valueKind === 'percent') return value < 0 || value > 100;
  if (valueKind === 'milestone') return value !== 0 && value !== 1;
  return value < 0;
}

/** A cumulative level moving against the indicator's direction: it cannot un-happen. */
const fallsFrom = (direction: 'increase' | 'decrease', from: number, to: number) => (direction === 'increase' ? to < from : to > from);

export type TargetProblem =
  | { key: 'periodsIncomplete' }
  | { key: 'periodUnknown'; period: string }
  | { key: 'valueOutOfRange'; period: string | null }
  | { key: 'cumulativeFalls'; period: string }
  | { key: 'milestonesSumMismatch'; sum: number; final: number }
  | { key: 'lastMilestoneMismatch'; last: number; final: number };

/**
 * Whether a final target and milestones hang together: milestones are either absent or one per reporting
 * period of the plan (lib/periods periodsBetween for the indicator's frequency); a cumulative target never
 * falls unless the indicator decreases (nor rises when it does); and the final target equals what the
 * progress arithmetic settles on from the milestones (lib/progress finalTarget), so the number shown as
 * "final target" is the one status is measured against at the end.
 */
export function targetProblems(
  rule: IndicatorRule & { frequency: Frequency },
  plan: { startDate: IsoDate; endDate: IsoDate },
  milestonesByEnd: Record<string, number | null>,
): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const periods = periodsBetween(rule.frequency, plan.startDate, plan.endDate);
  const known = new Set(periods.map((p) => p.end));
  for (const end of Object.keys(milestonesByEnd)) if (!known.has(end)) problems.push({ key: 'periodUnknown', period: end });
  if (valueOutOfRange(rule.valueKind, rule.targetValue)) problems.push({ key: 'valueOutOfRange', period: null });
  if (rule.accumulation === 'cumulative' && fallsFrom(rule.direction, rule.baselineValue, rule.targetValue)) {
    problems.push({ key: 'cumulativeFalls', period: rule.targetDate });
  }
  const given = periods.filter((p) => milestonesByEnd[p.end] !== null && milestonesByEnd[p.end] !== undefined);
  if (given.length === 0) return problems;
  if (given.length !== periods.length) return [...problems, { key: 'periodsIncomplete' }];
  const milestones: Milestone[] = periods.map((p) => ({ periodStart: p.start, periodEnd: p.end, target: milestonesByEnd[p.end] as number }));
  for (const m of milestones) if (valueOutOfRange(rule.valueKind, m.target)) problems.push({ key: 'valueOutOfRange', period: m.periodEnd });
  if (rule.accumulation === 'cumulative') {
    let previous = rule.baselineValue;
    for (const m of milestones) {
      if (fallsFrom(rule.direction, previous, m.target)) problems.push({ key: 'cumulativeFalls', period: m.periodEnd });
      previous = m.target;
    }
  }
  const settled = finalTarget(rule, milestones);
  // Sums of decimals (0.1 + 0.2) are compared with a tolerance, not exactly.
  if (Math.abs(settled - rule.targetValue) > 1e-9 * Math.max(1, Math.abs(rule.targetValue))) {
    if (rule.accumulation === 'non_cumulative') problems.push({ key: 'milestonesSumMismatch', sum: settled, final: rule.targetValue });
    else problems.push({ key: 'lastMilestoneMismatch', last: settled, final: rule.targetValue });
  }
  return problems;
}
