/**
 * A listed name typed with characters that imitate Latin letters (another script's look-alikes,
 * digits, invisible format characters) must still be found:
 * it is the cheapest way to hide a listed person from a screening that transliterates.
 */
import { describe, expect, it } from 'vitest';
import { listEntry } from '../list-entry.fixture';
import { scorePair } from '../score/score-pair';
import { DEFAULT_THRESHOLDS } from '../score/thresholds';
import { normaliseName } from './name-normaliser';

const texts = (raw: string) => normaliseName(raw).words.map((w) => w.text);
const hit = (query: string, listed: string) => scorePair({ names: [query] }, listEntry('E1', [listed]));
const { upper } = DEFAULT_THRESHOLDS;

describe('names written with characters that imitate Latin letters', () => {
  it.each([
    ['Vіktоr Вut', 'Viktor BOUT', ['viktor', 'but']], // Cyrillic і, о, В
    ['Маrсеl Ѕрасе', 'Marcel SPACE', ['marcel', 'space']], // the second word is Cyrillic only
    ['Ρaul Χavier', 'Paul XAVIER', ['paul', 'xavier']], // Greek Ρ and Χ
    ['Ηаssan Ηusseіn', 'Hassan HUSSEIN', ['hassan', 'hussein']], // Greek Η, Cyrillic а and і
    ['Cаrlоѕ Ρеrеz', 'Carlos PEREZ', ['carlos', 'perez']],
    ['Saddam Hսssein', 'Saddam HUSSEIN', ['saddam', 'hussein']], // Armenian ս
  ])('when "%s" is screened against a listed "%s", then each word is read as it looks and the name is found', (query, listed, words) => {
    expect(texts(query)).toEqual(words);
    expect(hit(query, listed).score).toBeGreaterThanOrEqual(upper);
  });

  it('when digits stand for letters inside a word, then they are read as the letters they imitate; a number alone stays a number', () => {
    expect(texts('Vikt0r B0ut')).toEqual(['viktor', 'bout']);
    expect(hit('Vikt0r B0ut', 'Viktor BOUT').score).toBeGreaterThanOrEqual(upper);
    expect(normaliseName('Vikt0r B0ut').lookAlikeLetters).toBe(true);
    expect(texts('Unit 0042-B')).toEqual(['unit', '0042', 'b']);
    expect(normaliseName('Unit 0042-B').lookAlikeLetters).toBeUndefined();
  });

  it('when invisible format characters sit inside a word (word joiner, byte-order mark, direction mark), then the word stays whole', () => {
    expect(texts('Viktor\u2060 Bo\uFEFFut\u200E')).toEqual(['viktor', 'bout']);
    expect(hit('Vik\u2060tor Bo\uFEFFut', 'Viktor BOUT').score).toBeGreaterThanOrEqual(upper);
  });

  it('when a name is read by its look, then the explanation tells the officer so', () => {
    const name = hit('Vіktоr Вut', 'Viktor BOUT').features.find((f) => f.feature === 'name');
    expect(name?.reasons?.map((r) => r.key)).toContain('name.look-alike-letters');
    expect(name?.detail).toContain('characters that imitate Latin letters');
    expect(
      hit('Viktor Bout', 'Viktor BOUT')
        .features.find((f) => f.feature === 'name')
        ?.reasons?.map((r) => r.key),
    ).not.toContain('name.look-alike-letters');
  });

  it('when a name is written wholly in Cyrillic or Greek, then it is transliterated, not read by its look', () => {
    expect(texts('Сосо Рере')).toEqual(['soso', 'rere']);
    expect(normaliseName('Сосо Рере').lookAlikeLetters).toBeUndefined();
    expect(texts('Νικος')).toEqual(['nikos']);
    expect(hit('Виктор Бут', 'Viktor BOUT').score).toBeGreaterThanOrEqual(upper);
  });

  it('when a Cyrillic word holds letters with no Latin look-alike, then only its mixing with Latin letters makes it read by look', () => {
    // "Иван" has И and в: a genuine Cyrillic word beside a Latin one keeps its transliteration
    expect(texts('Иван Petrov')).toEqual(['ivan', 'petrov']);
    expect(normaliseName('Иван Petrov').lookAlikeLetters).toBeUndefined();
  });
});
