import { describe, expect, it } from 'vitest';
import { normaliseName } from '../normalise/name-normaliser';
import { jaroWinkler, osaDistance } from './string-distance';
import { MIN_WORD_SIMILARITY, wordSimilarity } from './word-similarity';

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
