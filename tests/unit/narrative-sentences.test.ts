import { describe, expect, it } from 'vitest';
import { draftNarrative, renderSentence } from '@/lib/narrative/render';
import {
  behindSentences,
  forecastMissSentences,
  goalSentences,
  itemSentences,
  movementSentences,
  paceSentence,
  statusChangeSentences,
} from '@/lib/narrative/rules';
import type { NarrativeGoal, NarrativeIndicator } from '@/lib/narrative/types';

// Each sentence rule, rendered in both languages from the real catalogs.

type Over = Omit<Partial<NarrativeIndicator>, 'now' | 'then'> & { now?: Partial<NarrativeIndicator['now']>; then?: Partial<NarrativeIndicator['then']> };

function indicator(over: Over = {}): NarrativeIndicator {
  const { now, then, ...rest } = over;
  return {
    code: 'G1.1',
    name: 'Cities engaged',
    nameZh: '参与城市',
    valueKind: 'count',
    unit: 'cities',
    direction: 'increase',
    frequency: 'quarterly',
    accumulation: 'cumulative',
    projectedEnd: null,
    pacePerPeriod: null,
    remainingPeriods: 3,
    overdue: false,
    ...rest,
    then: { status: 'on_track', value: 10, achievement: 1, ...then },
    now: { status: 'on_track', value: 12, achievement: 1, targetToDate: 12, finalTarget: 30, ...now },
  };
}

const goal = (indicators: NarrativeIndicator[], openItems: NarrativeGoal['openItems'] = []): NarrativeGoal => ({
  code: 'G1',
  title: 'More cities engaged',
  titleZh: '更多城市参与',
  indicators,
  openItems,
});

const both = (sentences: ReturnType<typeof statusChangeSentences>) => ({
  en: sentences.map((s) => renderSentence('en', s)),
  zh: sentences.map((s) => renderSentence('zh', s)),
});

describe('narrative sentence rules', () => {
  it('status change: names the indicator, both statuses and both values', () => {
    const g = goal([indicator({ then: { status: 'on_track', value: 10 }, now: { status: 'off_track', value: 11, achievement: 0.5 } })]);
    expect(both(statusChangeSentences(g, '2020-05-07'))).toEqual({
      en: ['G1.1 moved from on track to off track (10 → 11).'],
      zh: ['G1.1由进展正常变为偏离轨道（10 → 11）。'],
    });
  });

  it('none to report: says that no indicator changed status, and that none is behind', () => {
    const g = goal([indicator()]);
    expect(both(statusChangeSentences(g, '2020-05-07'))).toEqual({
      en: ['No indicator changed status since May 7, 2020.'],
      zh: ['自2020年5月7日以来，没有指标的状态发生变化。'],
    });
    const sentences = goalSentences(g, '2020-05-07');
    expect(sentences.map((s) => s.key)).toEqual(['goal.summary', 'goal.noStatusChange', 'indicator.movement', 'goal.noneBehind']);
    expect(renderSentence('en', sentences[0]!)).toBe('Of its 1 indicator: 1 on track.');
    expect(renderSentence('zh', sentences[3]!)).toBe('本目标没有存在风险或偏离轨道的指标。');
  });

  it('pace: "needs 3 more a quarter over the 3 remaining quarters to reach 30", singular and plural', () => {
    const i = indicator({ now: { status: 'off_track', value: 21, achievement: 0.6, targetToDate: 25 }, pacePerPeriod: 3, remainingPeriods: 3 });
    expect(both([paceSentence(i)!])).toEqual({
      en: ['It needs 3 more a quarter over the 3 remaining quarters to reach 30.'],
      zh: ['在剩余的3个季度中，每季度需再增加3，才能达到30。'],
    });
    const last = indicator({ pacePerPeriod: 2.25, remainingPeriods: 1, frequency: 'monthly' });
    expect(renderSentence('en', paceSentence(last)!)).toBe('It needs 2.3 more a month over the remaining month to reach 30.');
    // A level that must come down, and a target already met (no sentence).
    const down = indicator({ direction: 'decrease', accumulation: 'snapshot', pacePerPeriod: -4, now: { finalTarget: 20 } });
    expect(both([paceSentence(down)!])).toEqual({
      en: ['It needs to come down by 4 a quarter over the 3 remaining quarters to reach 20.'],
      zh: ['在剩余的3个季度中，每季度需降低4，才能达到20。'],
    });
    expect(paceSentence(indicator({ pacePerPeriod: -1 }))).toBeUndefined();
    expect(both([paceSentence(indicator({ pacePerPeriod: null, remainingPeriods: 0 }))!]).en).toEqual(['No reporting period is left to reach its target of 30.']);
  });

  it('behind and forecast: where it stands, the pace it needs, where the current pace leads', () => {
    const i = indicator({
      now: { status: 'at_risk', value: 18, achievement: 0.75, targetToDate: 24, finalTarget: 30 },
      projectedEnd: 24.5,
      pacePerPeriod: 4,
    });
    expect(both(behindSentences(goal([i])))).toEqual({
      en: [
        'G1.1 (Cities engaged) is at risk: 18 against 24 expected by now.',
        'It needs 4 more a quarter over the 3 remaining quarters to reach 30.',
        'At the current pace it would reach 24.5 by the end of the plan, short of its target of 30.',
      ],
      zh: [
        'G1.1（参与城市）存在风险：目前为18，按计划此时应达到24。',
        '在剩余的3个季度中，每季度需再增加4，才能达到30。',
        '按目前的速度，到计划结束时将达到24.5，未达到目标30。',
      ],
    });
    const onTrack = indicator({ now: { status: 'on_track' }, projectedEnd: 26 });
    expect(both(forecastMissSentences(goal([onTrack])))).toEqual({
      en: ['G1.1 is on track, but at the current pace it would end the plan at 26, short of its target of 30.'],
      zh: ['G1.1目前进展正常，但按目前的速度，到计划结束时仅为26，未达到目标30。'],
    });
    expect(forecastMissSentences(goal([indicator({ projectedEnd: 31 })]))).toEqual([]);
  });

  it('movement: the largest changes in achievement among indicators that kept their status', () => {
    const a = indicator({ code: 'A', then: { value: 1, achievement: 0.9 }, now: { value: 2, achievement: 0.97 } });
    const b = indicator({ code: 'B', then: { value: 50, achievement: 1.2 }, now: { value: 40, achievement: 0.92 } });
    const c = indicator({ code: 'C', then: { value: 5, achievement: 1 }, now: { value: 9, achievement: 1.05 } });
    const sentences = movementSentences(goal([a, b, c]));
    expect(both(sentences)).toEqual({ en: ['B fell from 50 to 40.', 'A rose from 1 to 2.'], zh: ['B由50下降至40。', 'A由1上升至2。'] });
  });

  it('open items and overdue reports, with plurals', () => {
    const g = goal([indicator({ overdue: true }), indicator({ code: 'G1.2', overdue: true })], [
      { kind: 'action_item', text: 'Chase Q3 figures', owner: 'Demo Staff', dueOn: '2020-09-30', overdue: true },
    ]);
    expect(both(itemSentences(g))).toEqual({
      en: ['1 item from earlier meetings is still open, 1 of them overdue.', 'Action item: “Chase Q3 figures” (owner: Demo Staff; due: Sep 30, 2020), overdue.'],
      zh: ['往次会议有1项事项仍未完成，其中1项已逾期。', '行动事项：“Chase Q3 figures”（负责人：Demo Staff；截止日期：2020年9月30日），已逾期。'],
    });
    const overdue = goalSentences(g, '2020-05-07').find((s) => s.key === 'goal.overdue')!;
    expect(renderSentence('en', overdue)).toBe('2 indicators have no update for the last completed period: G1.1 and G1.2.');
    expect(renderSentence('zh', overdue)).toBe('2项指标缺少最近一个已结束报告期的更新：G1.1和G1.2。');
  });

  it('drafts the whole narrative in both languages, one Markdown section per goal', () => {
    const draft = draftNarrative({ since: '2020-05-07', asOf: '2020-11-15', previousMeeting: { title: 'First SC', heldOn: '2020-05-07' }, goals: [goal([indicator()])] });
    expect(draft.en).toContain('This narrative covers progress from the last Steering Committee meeting (“First SC”, May 7, 2020) to Nov 15, 2020.');
    expect(draft.en).toContain('### G1 · More cities engaged');
    expect(draft.zh).toContain('### G1 · 更多城市参与');
    expect(draft.zh).toContain('工作计划共有1项指标：1项进展正常。');
    // Deterministic: the same facts give the same text.
    expect(draftNarrative({ since: '2020-05-07', asOf: '2020-11-15', previousMeeting: { title: 'First SC', heldOn: '2020-05-07' }, goals: [goal([indicator()])] })).toEqual(draft);
  });
});

describe('narrative word diff', () => {
  it('marks the words added and removed, in English and in Chinese', async () => {
    const { wordDiff, hasChanges } = await import('@/lib/narrative/diff');
    const en = wordDiff('en', 'G1.1 rose from 10 to 12.', 'G1.1 rose from 10 to 14.');
    expect(en.filter((p) => p.change !== 'same').map((p) => `${p.change}:${p.text}`)).toEqual(['removed:12', 'added:14']);
    const zh = wordDiff('zh', '本目标没有存在风险的指标。', '本目标有两项存在风险的指标。');
    expect(hasChanges(zh)).toBe(true);
    expect(zh.filter((p) => p.change === 'same').map((p) => p.text).join('')).toContain('存在风险');
    expect(hasChanges(wordDiff('en', 'same', 'same'))).toBe(false);
  });
});
