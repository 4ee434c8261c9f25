import { sdgGoals, type SdgGoal } from './goals';
import { sdgTargetTexts } from './targets';
import { sdgTargetTextsZh } from './targets-zh';

/**
 * SDG tags: a goal ("11") or a target ("11.3", "17.a") of the UN list shipped in ./goals and ./targets. One home
 * for what a tag code is, how tags sort, what they read as, and how they become IATI tag elements.
 */

export { sdgGoals, type SdgGoal } from './goals';

export interface SdgTarget {
  code: string;
  goal: string;
  /** The official English text. */
  text: string;
  /** The official Chinese text, where the list has it (./targets-zh). */
  textZh: string | null;
}

export const sdgTargets: readonly SdgTarget[] = sdgTargetTexts.map(([code, text]) => ({
  code,
  goal: code.split('.')[0]!,
  text,
  textZh: sdgTargetTextsZh[code] ?? null,
}));

/** A target's text as a reader sees it, with the language it is in (for `lang` where it differs from the page's). */
export interface SdgText {
  text: string;
  lang: 'en' | 'zh';
}

/**
 * A target's text in the reader's language: Chinese readers get the official Chinese text, and the English one
 * where the list has no Chinese for a target. The one place that chooses (and falls back).
 */
export function sdgTargetText(target: SdgTarget, locale: string): SdgText {
  return locale === 'zh' && target.textZh ? { text: target.textZh, lang: 'zh' } : { text: target.text, lang: 'en' };
}

const goalByCode = new Map(sdgGoals.map((g) => [g.code, g]));
const targetByCode = new Map(sdgTargets.map((t) => [t.code, t]));

/** Most tags a goal or indicator may carry (a guard against a posted list of every code). */
export const MAX_SDG_TAGS = 40;

export type SdgTagKind = 'goal' | 'target';

export function isSdgCode(code: unknown): code is string {
  return typeof code === 'string' && (goalByCode.has(code) || targetByCode.has(code));
}

export function sdgKindOf(code: string): SdgTagKind {
  return code.includes('.') ? 'target' : 'goal';
}

/** The SDG a code belongs to: itself for a goal, its goal for a target. */
export function sdgGoalOf(code: string): SdgGoal | undefined {
  return goalByCode.get(code.split('.')[0]!);
}

export function sdgTarget(code: string): SdgTarget | undefined {
  return targetByCode.get(code);
}

/** Goal number, then target: numbered targets before lettered ones ("3.9" < "3.a"), numerically ("8.2" < "8.10"). */
function sortKey(code: string): [number, number, string] {
  const [goal, target] = code.split('.');
  if (target === undefined) return [Number(goal), -1, ''];
  return /^\d+$/.test(target) ? [Number(goal), Number(target), ''] : [Number(goal), 1000, target];
}

export function compareSdgCodes(a: string, b: string): number {
  const [ga, ta, la] = sortKey(a);
  const [gb, tb, lb] = sortKey(b);
  return ga - gb || ta - tb || la.localeCompare(lb);
}

/** Known codes only, without repeats, in the list's order. */
export function normalizeSdgCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.trim()).filter(isSdgCode))].sort(compareSdgCodes);
}

export interface SdgTagView {
  code: string;
  kind: SdgTagKind;
  /** "SDG 11" or "SDG target 11.3". */
  goal: string;
  /** The goal's short title in the reader's language. */
  goalTitle: string;
  /** For a target, its official text in the reader's language (see `sdgTargetText`). */
  text: string | null;
  /** The language of `text`. */
  textLang: SdgText['lang'] | null;
}

/** What a tag reads as, in English or Chinese: the goal's official short title and a target's official text. */
export function sdgTagView(code: string, locale: string): SdgTagView | null {
  const goal = sdgGoalOf(code);
  if (!goal || !isSdgCode(code)) return null;
  const kind = sdgKindOf(code);
  const target = kind === 'target' ? sdgTargetText(targetByCode.get(code)!, locale) : null;
  return {
    code,
    kind,
    goal: goal.code,
    goalTitle: locale === 'zh' ? goal.titleZh : goal.title,
    text: target?.text ?? null,
    textLang: target?.lang ?? null,
  };
}

/** IATI TagVocabulary codes: 2 = UN Sustainable Development Goals, 3 = UN Sustainable Development Goal targets. */
export const IATI_SDG_GOAL_VOCABULARY = '2';
export const IATI_SDG_TARGET_VOCABULARY = '3';

export interface IatiTag {
  vocabulary: typeof IATI_SDG_GOAL_VOCABULARY | typeof IATI_SDG_TARGET_VOCABULARY;
  code: string;
  narrative: string;
}

/**
 * The activity's IATI tags for a set of SDG codes: every target (vocabulary 3), and every goal tagged or implied
 * by a target (vocabulary 2) — IATI's guidance is to report the goal alongside its targets, so a reader filtering
 * by goal finds the activity either way.
 */
export function iatiSdgTags(codes: readonly string[]): IatiTag[] {
  const known = normalizeSdgCodes(codes);
  const goals = normalizeSdgCodes(known.map((c) => c.split('.')[0]!));
  return [
    ...goals.map((code) => ({ vocabulary: IATI_SDG_GOAL_VOCABULARY, code, narrative: goalByCode.get(code)!.title }) as const),
    ...known
      .filter((c) => sdgKindOf(c) === 'target')
      .map((code) => ({ vocabulary: IATI_SDG_TARGET_VOCABULARY, code, narrative: targetByCode.get(code)!.text }) as const),
  ];
}

/**
 * Whether something tagged with these codes (its own and its goal's) contributes to an SDG: tagged with the goal
 * or with any of its targets. The overview's and the API's SDG filter.
 */
export function contributesToSdg(codes: readonly string[], sdg: string): boolean {
  return codes.some((c) => c === sdg || c.startsWith(`${sdg}.`));
}

/** The SDG goal numbers a set of tags touches, in order (the overview's filter choices). */
export function sdgGoalsOf(codes: readonly string[]): string[] {
  return normalizeSdgCodes(codes.map((c) => c.split('.')[0]!));
}

/** A `sdg` filter value: a goal number 1–17. */
export const sdgGoalCodes = sdgGoals.map((g) => g.code) as readonly string[];

export interface SdgChoiceGroup {
  code: string;
  title: string;
  targets: ({ code: string } & SdgText)[];
}

/** The whole list as the tagging form offers it: each goal with its targets, in the reader's language. */
export function sdgChoiceGroups(locale: string): SdgChoiceGroup[] {
  return sdgGoals.map((g) => ({
    code: g.code,
    title: locale === 'zh' ? g.titleZh : g.title,
    targets: sdgTargets.filter((t) => t.goal === g.code).map((t) => ({ code: t.code, ...sdgTargetText(t, locale) })),
  }));
}
