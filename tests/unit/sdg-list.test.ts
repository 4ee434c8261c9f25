import { describe, expect, it } from 'vitest';
import {
  compareSdgCodes,
  contributesToSdg,
  iatiSdgTags,
  isSdgCode,
  normalizeSdgCodes,
  sdgChoiceGroups,
  sdgGoals,
  sdgTagView,
  sdgTargets,
  sdgTargetText,
} from '@/lib/sdg';

// The UN list shipped with the app: 17 goals and 169 targets (A/RES/70/1), each goal with its official short
// title in English and Chinese.
const targetsPerGoal = [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19];

describe('the SDG list', () => {
  it('has 17 goals with English and Chinese titles, and 169 targets numbered as the resolution numbers them', () => {
    expect(sdgGoals.map((g) => g.code)).toEqual(Array.from({ length: 17 }, (_, n) => String(n + 1)));
    for (const g of sdgGoals) {
      expect(g.title.length).toBeGreaterThan(3);
      expect(g.titleZh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(sdgGoals[10]).toMatchObject({ title: 'Sustainable cities and communities', titleZh: '可持续城市和社区' });
    expect(sdgGoals[16]).toMatchObject({ title: 'Partnerships for the goals' });
    expect(sdgTargets).toHaveLength(169);
    expect(new Set(sdgTargets.map((t) => t.code)).size).toBe(169);
    expect(sdgGoals.map((g) => sdgTargets.filter((t) => t.goal === g.code).length)).toEqual(targetsPerGoal);
    for (const t of sdgTargets) {
      expect(t.code).toMatch(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-d])$/);
      expect(t.text.length).toBeGreaterThan(20);
    }
    // Within a goal: numbered targets 1..n without gaps, then lettered ones a, b, ….
    for (const g of sdgGoals) {
      const own = sdgTargets.filter((t) => t.goal === g.code).map((t) => t.code.split('.')[1]!);
      const numbered = own.filter((x) => /^\d+$/.test(x));
      expect(numbered).toEqual(numbered.map((_, n) => String(n + 1)));
      const lettered = own.filter((x) => !/^\d+$/.test(x));
      expect(lettered).toEqual(lettered.map((_, n) => 'abcd'[n]));
      expect(own).toEqual([...numbered, ...lettered]);
    }
  });

  it('has the official Chinese short titles of the 17 goals and the Chinese text of every target', () => {
    expect(sdgGoals.map((g) => g.titleZh)).toEqual([
      '无贫穷',
      '零饥饿',
      '良好健康与福祉',
      '优质教育',
      '性别平等',
      '清洁饮水和卫生设施',
      '经济适用的清洁能源',
      '体面工作和经济增长',
      '产业、创新和基础设施',
      '减少不平等',
      '可持续城市和社区',
      '负责任消费和生产',
      '气候行动',
      '水下生物',
      '陆地生物',
      '和平、正义与强大机构',
      '促进目标实现的伙伴关系',
    ]);
    const withChinese = sdgTargets.filter((t) => t.textZh !== null);
    expect(withChinese).toHaveLength(169);
    for (const t of withChinese) {
      expect(t.textZh, t.code).toMatch(/^[\u4e00-\u9fff《]/);
      // Chinese punctuation, as the resolution prints it: no ASCII comma, semicolon or colon left in.
      expect(t.textZh, t.code).not.toMatch(/[,;:]/);
    }
    // A target whose years and figures are easy to check against the English.
    expect(sdgTargets.find((t) => t.code === '11.1')!.textZh).toBe('到2030年，确保人人获得适当、安全和负担得起的住房和基本服务，并改造贫民窟');
    expect(sdgTargets.find((t) => t.code === '3.1')!.textZh).toContain('70');
  });

  it('gives a target in the reader’s language, falling back to English where it has no Chinese', () => {
    const target = sdgTargets.find((t) => t.code === '17.17')!;
    expect(sdgTargetText(target, 'zh')).toEqual({ text: target.textZh, lang: 'zh' });
    expect(sdgTargetText(target, 'en')).toEqual({ text: target.text, lang: 'en' });
    expect(sdgTargetText({ ...target, textZh: null }, 'zh')).toEqual({ text: target.text, lang: 'en' });
    expect(sdgTagView('11.3', 'zh')).toMatchObject({ kind: 'target', goalTitle: '可持续城市和社区', textLang: 'zh' });
    expect(sdgTagView('11.3', 'zh')!.text).toMatch(/^到2030年，在所有国家加强包容和可持续的城市建设/);
    expect(sdgTagView('11.3', 'en')).toMatchObject({ textLang: 'en' });
    const zhGroup = sdgChoiceGroups('zh').find((g) => g.code === '11')!;
    expect(zhGroup.title).toBe('可持续城市和社区');
    expect(zhGroup.targets.map((t) => t.lang)).toEqual(Array(10).fill('zh'));
    expect(sdgChoiceGroups('en').find((g) => g.code === '11')!.targets[0]).toMatchObject({ code: '11.1', lang: 'en' });
  });

  it('knows its codes, sorts them as the list does and drops the unknown', () => {
    expect(isSdgCode('11')).toBe(true);
    expect(isSdgCode('11.3')).toBe(true);
    expect(isSdgCode('17.19')).toBe(true);
    for (const bad of ['0', '18', '11.8', '1.c', '3.e', '17.20', ' 3', '3.', '', '11.03']) expect(isSdgCode(bad)).toBe(false);
    expect(['8.10', '3.a', '8.2', '3', '3.9', '17', '11'].sort(compareSdgCodes)).toEqual(['3', '3.9', '3.a', '8.2', '8.10', '11', '17']);
    expect(normalizeSdgCodes(['17', '3.d', 'x', '17', '18'])).toEqual(['3.d', '17']);
  });

  it('reads in the reader’s language, and says which goal a target belongs to', () => {
    expect(sdgTagView('11', 'zh')).toMatchObject({ kind: 'goal', goalTitle: '可持续城市和社区', text: null, textLang: null });
    expect(sdgTagView('3.d', 'en')).toMatchObject({ kind: 'target', goal: '3', goalTitle: 'Good health and well-being' });
    expect(sdgTagView('3.d', 'en')!.text).toMatch(/early warning/);
    expect(sdgTagView('99', 'en')).toBeNull();
  });

  it('filters by goal through the goal or any of its targets, never by a prefix of another goal', () => {
    expect(contributesToSdg(['11.a'], '11')).toBe(true);
    expect(contributesToSdg(['11'], '11')).toBe(true);
    expect(contributesToSdg(['1.1'], '11')).toBe(false);
    expect(contributesToSdg(['11.3'], '1')).toBe(false);
  });

  it('becomes IATI tags: goals (vocabulary 2, with the goals its targets imply) and targets (vocabulary 3)', () => {
    expect(iatiSdgTags(['17.17', '11', '3.d', '11']).map(({ vocabulary, code }) => `${vocabulary}:${code}`)).toEqual(['2:3', '2:11', '2:17', '3:3.d', '3:17.17']);
  });
});
