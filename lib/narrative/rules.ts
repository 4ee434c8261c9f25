/**
 * The sentence rules of the narrative: which facts of a goal are worth a sentence, and in what order. They
 * choose and order; they never compute a progress figure (those come in NarrativeInput from the read model).
 */
import type { Status } from '../progress/types';
import type { Arg, NarrativeGoal, NarrativeIndicator, NarrativeInput, NarrativeSection, Sentence } from './types';

/** How many indicators without a status change are named for how far they moved. */
export const LARGEST_MOVEMENTS = 2;

/** Shown for an item without an owner or a due date (a symbol, the same in every language). */
const NONE = '—';

const STATUS_ORDER: Status[] = ['ahead', 'on_track', 'at_risk', 'off_track', 'no_data'];
const behind = (s: Status) => s === 'at_risk' || s === 'off_track';

const figure = (i: NarrativeIndicator, value: number): Arg => ({ figure: value, valueKind: i.valueKind, unit: i.unit });
const name = (i: NarrativeIndicator): Arg => ({ text: i.name, textZh: i.nameZh });

/** "3 on track, 1 at risk": the statuses that occur, each with its count. */
function statusCounts(indicators: NarrativeIndicator[]): Arg {
  return {
    list: STATUS_ORDER.flatMap((status) => {
      const count = indicators.filter((i) => i.now.status === status).length;
      return count > 0 ? [{ sentence: { key: 'statusCount', args: { count, status: { status } } } }] : [];
    }),
  };
}

/** Status changes since the window's start, each with its value then and now. */
export function statusChangeSentences(goal: NarrativeGoal, since: string): Sentence[] {
  const changed = goal.indicators.filter((i) => i.now.status !== i.then.status);
  if (changed.length === 0) return [{ key: 'goal.noStatusChange', args: { since: { date: since } } }];
  return changed.map((i): Sentence => {
    if (i.then.value === null || i.now.value === null) {
      return { key: 'indicator.statusChangeNoValue', args: { code: i.code, from: { status: i.then.status }, to: { status: i.now.status } } };
    }
    return {
      key: 'indicator.statusChange',
      args: { code: i.code, from: { status: i.then.status }, to: { status: i.now.status }, then: figure(i, i.then.value), now: figure(i, i.now.value) },
    };
  });
}

/** The largest movements among indicators whose status did not change: by change in achievement, largest first. */
export function movementSentences(goal: NarrativeGoal): Sentence[] {
  const moved = goal.indicators
    .filter((i) => i.now.status === i.then.status && i.then.value !== null && i.now.value !== null && i.then.value !== i.now.value)
    .map((i) => ({ i, size: Math.abs((i.now.achievement ?? 0) - (i.then.achievement ?? 0)) }))
    .filter((m) => Number.isFinite(m.size))
    .sort((a, b) => b.size - a.size || a.i.code.localeCompare(b.i.code))
    .slice(0, LARGEST_MOVEMENTS);
  return moved.map(({ i }) => ({
    key: 'indicator.movement',
    args: { code: i.code, direction: i.now.value! > i.then.value! ? 'up' : 'down', then: figure(i, i.then.value!), now: figure(i, i.now.value!) },
  }));
}

/** Which side of the target a forecast ends on, for the indicator's direction ("short" = misses it). */
export function forecastSide(i: NarrativeIndicator, forecast: number): 'short' | 'beyond' | 'at' {
  if (forecast === i.now.finalTarget) return 'at';
  const above = forecast > i.now.finalTarget;
  return (i.direction === 'increase') === above ? 'beyond' : 'short';
}

/** The pace needed per remaining period, worded by direction; undefined when the target is already met. */
export function paceSentence(i: NarrativeIndicator): Sentence | undefined {
  const target = figure(i, i.now.finalTarget);
  if (i.pacePerPeriod === null || i.remainingPeriods <= 0) return { key: 'indicator.noPeriodLeft', args: { target } };
  const met = i.direction === 'increase' ? i.pacePerPeriod <= 0 : i.pacePerPeriod >= 0;
  if (met) return undefined;
  const args = { pace: figure(i, Math.abs(i.pacePerPeriod)), frequency: i.frequency, periods: i.remainingPeriods, target };
  if (i.direction === 'increase') return { key: 'indicator.paceUp', args };
  // A per-period count that must stay low (incidents) has an allowance per period; a level must come down.
  return { key: i.accumulation === 'non_cumulative' ? 'indicator.paceAllowance' : 'indicator.paceDown', args };
}

/** Indicators at risk or off track: where they stand, the pace they need, and where the current pace leads. */
export function behindSentences(goal: NarrativeGoal): Sentence[] {
  return goal.indicators
    .filter((i) => behind(i.now.status))
    .flatMap((i): Sentence[] => {
      if (i.valueKind === 'milestone') return [{ key: 'indicator.behindMilestone', args: { code: i.code, name: name(i), status: { status: i.now.status } } }];
      const out: Sentence[] = [
        {
          key: 'indicator.behind',
          args: { code: i.code, name: name(i), status: { status: i.now.status }, actual: figure(i, i.now.value!), expected: figure(i, i.now.targetToDate) },
        },
      ];
      const pace = paceSentence(i);
      if (pace) out.push(pace);
      if (i.projectedEnd !== null) {
        out.push({
          key: 'indicator.forecast',
          args: { forecast: figure(i, i.projectedEnd), side: forecastSide(i, i.projectedEnd), target: figure(i, i.now.finalTarget) },
        });
      }
      return out;
    });
}

/** Indicators on track or ahead today whose current pace would still miss the final target. */
export function forecastMissSentences(goal: NarrativeGoal): Sentence[] {
  return goal.indicators
    .filter((i) => (i.now.status === 'on_track' || i.now.status === 'ahead') && i.valueKind !== 'milestone' && i.projectedEnd !== null)
    .filter((i) => forecastSide(i, i.projectedEnd!) === 'short')
    .map((i) => ({
      key: 'indicator.forecastMiss',
      args: { code: i.code, status: { status: i.now.status }, forecast: figure(i, i.projectedEnd!), target: figure(i, i.now.finalTarget) },
    }));
}

export function overdueSentences(goal: NarrativeGoal): Sentence[] {
  const overdue = goal.indicators.filter((i) => i.overdue);
  if (overdue.length === 0) return [];
  return [{ key: 'goal.overdue', args: { count: overdue.length, codes: { list: overdue.map((i) => i.code) } } }];
}

export function itemSentences(goal: NarrativeGoal): Sentence[] {
  if (goal.openItems.length === 0) return [];
  const overdue = goal.openItems.filter((i) => i.overdue).length;
  return [
    { key: 'goal.openItems', args: { count: goal.openItems.length, overdue } },
    ...goal.openItems.map((item) => ({
      key: 'item.line',
      args: {
        kind: { sentence: { key: `item.kind.${item.kind}`, args: {} } },
        text: item.text,
        owner: item.owner ?? NONE,
        due: item.dueOn ? { date: item.dueOn } : NONE,
        overdue: item.overdue ? 'yes' : 'no',
      },
    })),
  ];
}

/** A goal's paragraph: standing, what changed, what is behind and what it needs, overdue reports, open items. */
export function goalSentences(goal: NarrativeGoal, since: string): Sentence[] {
  if (goal.indicators.length === 0) return [{ key: 'goal.noIndicators', args: {} }, ...itemSentences(goal)];
  const standing: Sentence = { key: 'goal.summary', args: { count: goal.indicators.length, parts: statusCounts(goal.indicators) } };
  const quiet = goal.indicators.every((i) => !behind(i.now.status));
  return [
    standing,
    ...statusChangeSentences(goal, since),
    ...movementSentences(goal),
    ...behindSentences(goal),
    ...(quiet ? [{ key: 'goal.noneBehind', args: {} }] : []),
    ...forecastMissSentences(goal),
    ...overdueSentences(goal),
    ...itemSentences(goal),
  ];
}

/** The whole narrative: an opening paragraph and one per goal, in the plan's order. */
export function narrativeSections(input: NarrativeInput): NarrativeSection[] {
  const all = input.goals.flatMap((g) => g.indicators);
  const intro: Sentence[] = [
    input.previousMeeting
      ? { key: 'intro.sinceMeeting', args: { since: { date: input.since }, asOf: { date: input.asOf }, meeting: input.previousMeeting.title } }
      : { key: 'intro.sincePlanStart', args: { since: { date: input.since }, asOf: { date: input.asOf } } },
    { key: 'intro.standing', args: { count: all.length, parts: statusCounts(all) } },
  ];
  return [
    { goal: null, sentences: intro },
    ...input.goals.map((g) => ({ goal: { code: g.code, title: g.title, titleZh: g.titleZh }, sentences: goalSentences(g, input.since) })),
  ];
}
