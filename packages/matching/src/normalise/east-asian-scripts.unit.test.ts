/**
 * Cross-script regression pairs for Korean (Hangul → Revised Romanisation, es-hangul) and Chinese
 * (Han → pinyin, pinyin-pro) against the Latin forms sanctions lists use.
 */
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../model';
import { scorePair } from '../score/score-pair';
import { DEFAULT_THRESHOLDS } from '../score/thresholds';
import { normaliseName } from './name-normaliser';
import { listEntry } from '../list-entry.fixture';

const listed = (full: string): ListEntry => listEntry('E1', [full]);
const score = (query: string, list: string) => scorePair({ names: [query] }, listed(list)).score;
const { upper } = DEFAULT_THRESHOLDS;

describe('Korean names in Hangul', () => {
  it('when Hangul is normalised, then each syllable is a word in Revised Romanisation, vowel-only surnames spelt as names', () => {
    expect(normaliseName('김정은').words.map((w) => w.text)).toEqual(['gim', 'jeong', 'eun']);
    expect(normaliseName('이병철').words.map((w) => w.text)).toEqual(['yi', 'byeong', 'cheol']);
  });

  it.each([
    ['김정은', 'KIM JONG UN'],
    ['박정천', 'Pak Jong Chon'],
    ['최룡해', 'CHOE RYONG HAE'],
    ['리병철', 'RI PYONG CHOL'],
    ['김영철', 'Kim Yong-chol'],
  ])('when %s is screened against "%s", then it is a possible match', (hangul, latin) => {
    expect(score(hangul, latin)).toBeGreaterThanOrEqual(upper);
  });

  it('when a Korean name differs in one syllable of the given name, then it stays below review', () => {
    expect(score('김정철', 'KIM JONG UN')).toBeLessThan(upper);
    expect(score('최룡해', 'CHOE CHUN YONG')).toBeLessThan(upper);
  });
});

describe('Chinese names in Han characters', () => {
  it('when Han is normalised, then it is the pinyin surname and the given name as one word', () => {
    expect(normaliseName('习近平').words.map((w) => w.text)).toEqual(['xi', 'jinping']);
    // 单 as a surname is Shan (as a word it is dan)
    expect(normaliseName('单雄信').words[0]!.text).toBe('shan');
    expect(normaliseName('欧阳修').words.map((w) => w.text)).toEqual(['ouyang', 'xiu']);
  });

  it.each([
    ['习近平', 'XI Jinping'],
    ['習近平', 'Xi Jin Ping'],
    ['李小龙', 'LI Xiaolong'],
  ])('when %s is screened against "%s", then it is a possible match', (han, latin) => {
    expect(score(han, latin)).toBeGreaterThanOrEqual(upper);
  });

  it('when the given name differs, then it stays below review', () => {
    expect(score('习明泽', 'XI Jinping')).toBeLessThan(upper);
  });
});
