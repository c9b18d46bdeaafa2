import { describe, expect, it } from 'vitest';
import { listEntry } from '../list-entry.fixture';
import { normaliseName } from '../normalise/name-normaliser';
import { scorePair } from './score-pair';
import { judge, namesAgreeStrongly, SECOND_STAGE, terms } from './second-stage';
import { isLookAlike, type PairFeatures } from './second-stage-features';
import { DEFAULT_THRESHOLDS } from './thresholds';

const upper = DEFAULT_THRESHOLDS.upper;
const both = (query: string, listed: string) => {
  const entry = listEntry('X', [listed]);
  return { first: scorePair({ names: [query] }, entry, { secondStage: false }), hit: scorePair({ names: [query] }, entry) };
};
const word = (s: string) => normaliseName(s).words[0]!;

describe('second stage: false alarms it removes', () => {
  it.each([
    // similar-looking different family name: "Shafiq" is two slips from "Shami", in letters and key
    ['ABDUL Ahmad SHAFIQ', 'Abu Ahmad al-Shami'],
    // the query's own family name is left over and the rest only looks alike
    ['Mohammad Andrei Anwari', 'Mohammad Wali'],
    ['MOHAMMAD SHAFIQ Romanovich', 'Hafiz Muhammad'],
    // written in Cyrillic: the query's own distinctive name matches nothing, the rest only loosely
    ['Абдулхаи Раджеш', 'Abid Khan'],
    // a distinctive word only the query has, and the matched words are common names
    ['Hosseini MOHAMMED HAQQANI', 'Hussein Muhammad'],
  ])('when "%s" is screened against a listed "%s", then the look-alike is lowered to weak with the reason', (query, listed) => {
    const { first, hit } = both(query, listed);
    expect(first.score).toBeGreaterThanOrEqual(upper);
    expect(hit.band).toBe('weak');
    expect(hit.score).toBe(SECOND_STAGE.demotedTo);
    const reason = hit.features.find((f) => f.feature === 'second-stage');
    expect(reason?.contribution).toBeLessThan(0);
    expect(reason?.reasons?.[0]?.key).toBe('second-stage.demoted');
    expect(reason?.detail).toMatch(/probability of the same person .* lowered by /);
  });
});

describe('second stage: true variants of the same kinds still raise a review', () => {
  it.each([
    // one slip in a short family name (one edit: a typo, not a look-alike)
    ['Qari Muhammad Ahub', 'Qari Muhammad Ayub'],
    // a slip in each word
    ['Ohia Mzio', 'Ozia Mazio'],
    // romanisation variant of the family name
    ['Abdul Ahmad Shammi', 'Abu Ahmad al-Shami'],
    // Cyrillic spelling of the listed name
    ['Абдул Халил', 'Abdul Khalil'],
    ['Халфан Ахмед', 'Khalfan, Ahmed'],
    // Arabic script: short vowels missing, letters apart by nature
    ['نضال الربيعي', "NIDAL AL-RABI'I"],
    // Cyrillic romanised by another convention than the list's: not look-alikes
    ['Христофор', 'Christoforos'],
    ['Оберхойзер', 'Oberheuser'],
    ['Кигути', 'Kiguchi'],
    // a middle name added
    ['Mohammad Ali Wali', 'Mohammad Wali'],
    // a title one slip from a known one is no distinctive word of the query's own
    ['Qfari Muhammad Ahub', 'Qari Muhammad Ayub'],
    // Arabic script: a title written out ("هجي", Haji) is left over by the reading, not another name
    ['هجي خر اله', 'Haji Khair Ullah'],
  ])('when "%s" is screened against a listed "%s", then it stays a possible match, unchanged', (query, listed) => {
    const { first, hit } = both(query, listed);
    expect(hit.band).toBe('possible-match');
    expect(hit.score).toBe(first.score);
    expect(hit.features.some((f) => f.feature === 'second-stage')).toBe(false);
  });
});

describe('second stage: safety', () => {
  const different: PairFeatures = {
    name: 0.7,
    listedWords: 2,
    weakShare: 1,
    lookAlikeShare: 1,
    heavyLookAlike: 1,
    distinctive: 0.75,
    second: 0.75,
    weakest: 0.72,
    conflict: 0,
    surplus: 0.4,
    queryOnly: 0.4,
    otherScript: 0,
    dob: 0,
    specificity: 0.8,
    leftover: 0.9,
    listedLeftover: 0,
  };

  it('when the model judges a pair different, then a score in the band is lowered and never raised', () => {
    const v = judge(0.7, different)!;
    expect(v.demoted).toBe(true);
    expect(v.score).toBeLessThan(0.7);
    expect(v.score).toBeLessThan(upper);
  });

  it('when a pair is demoted, then its explanation names every feature whose term moved the probability, the lowering ones as reasons', () => {
    const v = judge(0.7, different)!;
    const moved = terms(different);
    expect(moved.length).toBeGreaterThan(3);
    for (const t of moved) expect(v.detail).toContain(t.value.toString());
    const lowering = moved.filter((t) => t.term < 0).map((t) => `second-stage.lowered.${t.feature}`);
    expect(v.reasons.map((r) => r.key)).toEqual(['second-stage.demoted', ...lowering]);
  });

  it('when family name and given name both match well, then the pair is never demoted, whatever the model says', () => {
    const strong = { ...different, distinctive: 0.95, second: 0.92 };
    expect(namesAgreeStrongly(strong)).toBe(true);
    expect(judge(0.7, strong)).toBeUndefined();
  });

  it('when the listed name is one word, then it is never judged: no second word can confirm a look-alike', () => {
    expect(judge(0.7, { ...different, listedWords: 1 })).toBeUndefined();
    const { first, hit } = both('Sukamto', 'Sukarno');
    expect(first.band).toBe('possible-match');
    expect(hit.score).toBe(first.score);
  });

  it('when a score is outside the band, then it is left exactly as scored', () => {
    expect(judge(SECOND_STAGE.band.to, different)).toBeUndefined();
    expect(judge(SECOND_STAGE.band.from - 0.01, different)).toBeUndefined();
  });

  it('when a look-alike is one slip away, read from an abjad or an initial, then it is not a look-alike', () => {
    expect(isLookAlike('typo', 0.795, word('Shafiq'), word('Shami'))).toBe(true);
    expect(isLookAlike('typo', 0.825, word('Ahub'), word('Ayub'))).toBe(false);
    expect(isLookAlike('typo', 0.78, normaliseName('نضال').words[0]!, word('Nidal'))).toBe(false);
    expect(isLookAlike('initial', 0.75, word('M.'), word('Muhammad'))).toBe(false);
  });
});
