import { describe, expect, it } from 'vitest';
import { makeWord, normaliseName } from '../normalise/name-normaliser';
import { jaroWinkler, osaDistance } from './string-distance';
import { mayBeWithinEdits, MIN_WORD_SIMILARITY, wordSimilarity } from './word-similarity';

const word = (s: string) => normaliseName(s).words[0]!;
const sim = (a: string, b: string) => wordSimilarity(word(a), word(b));

describe('wordSimilarity', () => {
  it('when a short name differs by one letter ("Jon"/"John"), then the pair is strong', () => {
    expect(sim('jon', 'john').similarity).toBeGreaterThanOrEqual(0.85);
  });

  it('when names are romanisation variants, then they match as variants', () => {
    expect(sim('Mohamed', 'Muhammad')).toEqual({ similarity: 0.95, how: 'variant' });
    expect(sim('Anwary', 'Anwari').how).toBe('variant');
  });

  it('when a word is mistyped, then it still matches as a typo', () => {
    expect(sim('Mohmamed', 'Mohammed').similarity).toBeGreaterThan(0.85);
    expect(sim('Sidorvo', 'Sidorov').similarity).toBeGreaterThan(MIN_WORD_SIMILARITY);
  });

  it('when names only sound alike ("bush"/"habbash"), then they do not match', () => {
    expect(sim('bush', 'habbash').similarity).toBeLessThan(MIN_WORD_SIMILARITY);
  });

  it('when an Arabic-script word meets its Latin form, then they match by transliteration', () => {
    expect(sim('محمد', 'Muhammad').how).toBe('transliteration');
    expect(sim('طاهر', 'Taher').similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('when an initial meets a name with that first letter, then it matches as an initial, and not otherwise', () => {
    expect(sim('J.', 'John')).toEqual({ similarity: 0.75, how: 'initial' });
    expect(sim('K.', 'John').similarity).toBe(0);
  });

  it('when words contain digits, then only identical numbers match', () => {
    expect(sim('12345', '12346').similarity).toBe(0);
    expect(sim('12345', '12345').similarity).toBe(1);
  });

  it('when a given name meets the patronymic built from it, then the pair is weakened', () => {
    const given = word('Vladimir');
    const patronymic = { ...word('Vladimirovich'), patronymic: true };
    expect(wordSimilarity(given, patronymic).similarity).toBeLessThan(MIN_WORD_SIMILARITY);
  });
});

describe('string distances', () => {
  it('when strings have an adjacent transposition, then the OSA distance is 1', () => {
    expect(osaDistance('mohmamed', 'mohammed')).toBe(1);
  });
  it('when comparing MARTHA and MARHTA, then Jaro-Winkler gives the textbook 0.961', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('mayBeWithinEdits', () => {
  const within = (a: string, b: string, reach: number) => {
    const [x, y] = [makeWord(a, {}, false), makeWord(b, {}, false)];
    return mayBeWithinEdits(a.length, b.length, x.letters, y.letters, x.doubled, y.doubled, reach);
  };

  it('when words are within reach, then it never rules them out', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letters = 'aabhmnd';
    const random = () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => letters[Math.floor(rnd() * letters.length)]).join('');
    let sharp = 0;
    for (let n = 0; n < 20000; n++) {
      const [a, b] = [random(), random()];
      const d = osaDistance(a, b);
      expect(within(a, b, d), `${a} / ${b}`).toBe(true);
      if (d > 0 && !within(a, b, d - 1)) sharp++;
    }
    expect(sharp).toBeGreaterThan(1000);
  });

  it('when one word holds a letter twice that the other holds once, then that surplus counts as an edit', () => {
    // the letter sets are equal: "hassan"/"hasann" differ by one substitution, "aab"/"abb" too
    expect(within('hassan', 'hasann', 0)).toBe(false);
    expect(within('hassan', 'hasann', 1)).toBe(true);
    expect(within('aab', 'abb', 0)).toBe(false);
  });
});
