/**
 * What a narrative is drafted from: the read model's answers for one plan, window and as-of date, shaped for
 * the sentence rules. Pure data (no database, React or Next): data/narrative.ts fills it from the committee
 * report and the indicator charts, so every figure here is the one those pages show.
 */
import type { Direction, Frequency, Status, ValueKind } from '../progress/types';

export interface NarrativeIndicator {
  code: string;
  name: string;
  nameZh: string | null;
  valueKind: ValueKind;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  accumulation: 'non_cumulative' | 'cumulative' | 'snapshot';
  then: { status: Status; value: number | null; achievement: number | null };
  now: { status: Status; value: number | null; achievement: number | null; targetToDate: number; finalTarget: number };
  /** From the indicator's chart: the straight-line projection and the pace needed per remaining period. */
  projectedEnd: number | null;
  pacePerPeriod: number | null;
  remainingPeriods: number;
  overdue: boolean;
}

export type ItemKind = 'recommendation' | 'decision' | 'action_item';

export interface NarrativeItem {
  kind: ItemKind;
  text: string;
  owner: string | null;
  dueOn: string | null;
  overdue: boolean;
}

export interface NarrativeGoal {
  code: string;
  title: string;
  titleZh: string | null;
  indicators: NarrativeIndicator[];
  /** Items of earlier meetings, open or in progress on the as-of date, that concern the goal or its indicators. */
  openItems: NarrativeItem[];
}

export interface NarrativeInput {
  since: string;
  asOf: string;
  previousMeeting: { title: string; heldOn: string } | null;
  goals: NarrativeGoal[];
}

/** An argument of a sentence, formatted for the language when the sentence is rendered. */
export type Arg =
  | string
  | number
  | { figure: number; valueKind: ValueKind; unit: string }
  | { date: string }
  | { status: Status }
  | { text: string; textZh: string | null }
  | { list: Arg[] }
  | { sentence: Sentence };

/** One sentence: a message of the `narrative` catalog and its arguments. */
export interface Sentence {
  key: string;
  args: Record<string, Arg>;
}

export interface NarrativeSection {
  /** null for the opening paragraph. */
  goal: { code: string; title: string; titleZh: string | null } | null;
  sentences: Sentence[];
}
