import { describe, expect, it } from 'vitest';
import { normaliseName, type NameWord } from '../normalise/name-normaliser';
import { mayMatch } from '../score/match-possible';
import { MIN_WORD_SIMILARITY, surelyBelowBar, wordSimilarity } from '../score/word-similarity';
import { ASK, mayMatchFeatures, withoutArticles, wordFeatures, YES } from './word-features';

// Name words of several traditions and scripts, with articles joined, initials and numbers, and
// each with a letter dropped and two letters swapped: the pairs a search meets.
const NAMES = `Muhammad Mohammed Mouhamed Ahmad Akhmed Yusuf Youssef Hussein Husayn Hassan Hasan Abdullah Abdallah
Abdelhamid Alrazzak Razzaq Alrazak Aldzhavlani Jawlani Dzhavlani Alalbani Albani Elamin Alamin Amin Anderson Andersen
Vladimir Vladimirovich Ivanov Ivanoff Kuznetsova Thomas Thoraya Jon John Kim Gim Jong Jeong Hongsop Kwangil Ezatullah
Kakazada Akhundzada Haqqani Gaddafi Qadhafi Ngudjolo Nguddzholo Anwari Anwary Zawahiri Alzawahiri Osama Usama Smith Smyth
J A 7 1975 عبد الرزاق محمد حسين الظواهري علي عزت الله`.split(/\s+/);

function vocabulary(): NameWord[] {
  const out = new Map<string, NameWord>();
  for (const n of NAMES) {
    const t = n.toLowerCase();
    for (const v of [n, t.slice(0, 2) + t.slice(3), t.slice(0, 1) + (t[2] ?? '') + (t[1] ?? '') + t.slice(3)]) {
      for (const w of normaliseName(v).words) out.set(`${w.abjad ? 1 : 0}${w.text}`, w);
    }
  }
  return [...out.values()];
}

describe('word features', () => {
  const words = vocabulary();
  const codes = new Map<string, number>();
  const listed = wordFeatures(words, codes, true);
  const listedStripped = wordFeatures(withoutArticles(words), codes, true);
  const query = wordFeatures(words, codes, false);
  const queryStripped = wordFeatures(withoutArticles(words), codes, false);

  it('when a pair is tested on the features, then the answer is mayMatch’s (or asks it)', () => {
    let asked = 0;
    words.forEach((q, i) => {
      words.forEach((e, w) => {
        const r = mayMatchFeatures(query, queryStripped, i, listed, listedStripped, w);
        if (r === ASK) asked++;
        else expect(r === YES, `${q.text} / ${e.text}`).toBe(mayMatch(q, e));
      });
    });
    expect(asked).toBeLessThan(words.length * words.length * 0.01);
  });

  it('when surelyBelowBar rules a pair out, then its similarity is below the bar', () => {
    let ruledOut = 0;
    for (const q of words) {
      for (const e of words) {
        if (!surelyBelowBar(q, e)) continue;
        ruledOut++;
        expect(wordSimilarity(q, e).similarity, `${q.text} / ${e.text}`).toBeLessThan(MIN_WORD_SIMILARITY);
      }
    }
    expect(ruledOut).toBeGreaterThan(words.length * 10);
  });
});
