/**
 * Regression tests for hard negatives: a different person who shares given names, date of birth
 * and nationality with a listed one must not reach review, and look-alike words are not typos.
 */
import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../model';
import { scorePair } from './score-pair';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { normaliseName } from '../normalise/name-normaliser';
import { MIN_WORD_SIMILARITY, wordSimilarity } from './word-similarity';
import { listEntry } from '../list-entry.fixture';

const listed = (full: string, extra: Partial<ListEntry> = {}): ListEntry =>
  listEntry('E1', [full], { datesOfBirth: ['1978-10-19'], nationalities: ['NO'], gender: 'male', ...extra });
const sameFacts = { dateOfBirth: '1978-10-19', nationalities: ['NO'], gender: 'male' as const };
const { upper } = DEFAULT_THRESHOLDS;
const word = (s: string) => normaliseName(s).words[0]!;

describe('different people with shared names and facts', () => {
  it('when the family name differs and given names, date of birth and nationality agree, then it stays below review', () => {
    const hit = scorePair({ names: ['Anders Cameroon Anil Dale'], ...sameFacts }, listed('ANDERS CAMEROON OSTENSVIG DALE'));
    expect(hit.score).toBeLessThan(upper);
    // the date of birth is corroboration only: it adds nothing to a name that differs
    expect(hit.features.find((f) => f.feature === 'dob')!.contribution).toBeLessThan(0.05);
  });

  it('when only the first of four words differs (a sibling), then it stays below review', () => {
    expect(
      scorePair({ names: ['Kazemi Barzan Ibrahim Hasan al-Tikriti'], ...sameFacts }, listed('ALI BARZAN IBRAHIM HASAN AL-TIKRITI')).score,
    ).toBeLessThan(upper);
  });

  it('when a common given name is shared and the family name differs, then it stays below review', () => {
    expect(scorePair({ names: ['Mohammed Omar Mustafa'], ...sameFacts }, listed('MOHAMMED OMAR GHULAM')).score).toBeLessThan(upper);
  });

  it('when the same name differs only by a middle name added, then it still reaches review', () => {
    expect(
      scorePair({ names: ['Anders Cameroon Olaf Ostensvig Dale'], ...sameFacts }, listed('ANDERS CAMEROON OSTENSVIG DALE')).score,
    ).toBeGreaterThanOrEqual(upper);
  });
});

describe('look-alike words', () => {
  it('when two names need more edits than a typo makes ("Thomas"/"Thoraya", "Saima"/"Aiman"), then they do not match', () => {
    expect(wordSimilarity(word('Thomas'), word('Thoraya')).similarity).toBeLessThan(MIN_WORD_SIMILARITY);
    expect(wordSimilarity(word('Saima'), word('Aiman')).similarity).toBeLessThan(MIN_WORD_SIMILARITY);
    expect(wordSimilarity(word('Desta'), word('Dost')).similarity).toBeLessThan(MIN_WORD_SIMILARITY);
  });

  it('when a long name carries two typos or a romanisation variant, then it still matches', () => {
    expect(wordSimilarity(word('Abdelhamid'), word('Abdelhmaid')).similarity).toBeGreaterThanOrEqual(MIN_WORD_SIMILARITY);
    expect(wordSimilarity(word('Mukhammad'), word('Mohamed')).similarity).toBeGreaterThanOrEqual(0.9);
  });

  it('when a similar-looking family name replaces the listed one, then it stays below review', () => {
    expect(scorePair({ names: ['Kabila Trinidad'], ...sameFacts }, listed('Kalib Trinidad')).score).toBeLessThan(upper);
  });

  it('when one word is shared and the rest are initials the query does not spell out, then it stays below review', () => {
    expect(scorePair({ names: ['Ahmad Alexei'] }, listed('Ahmed, A')).score).toBeLessThan(upper);
    expect(scorePair({ names: ['Tariq S.M.'] }, listed('Tariq')).score).toBeLessThan(upper);
    // initials of the query agreeing with listed names are its own abbreviation
    expect(scorePair({ names: ['M. T. Anwari'] }, listed('Muhammad Taher Anwari')).score).toBeGreaterThanOrEqual(upper);
  });

  it('when the only shared word is a compound the other side writes apart, then it stays below review unless that is the whole name', () => {
    expect(scorePair({ names: ['Allah Dad Vanshavankar'] }, listed('Allahdad')).score).toBeLessThan(upper);
    expect(scorePair({ names: ['Allah Dad'] }, listed('Allahdad')).score).toBeGreaterThanOrEqual(upper);
  });

  it('when a one-word name meets a kunya of that word ("EL Anas"/"Abu Anas", "ABU Hussain"/"Hussain"), then it stays below review', () => {
    expect(normaliseName('Abu Anas').kunya).toBe(1);
    expect(scorePair({ names: ['EL Anas'] }, listed('Abu Anas')).score).toBeLessThan(upper);
    expect(scorePair({ names: ['ABU Hussain'] }, listed('Hussain')).score).toBeLessThan(upper);
  });

  it('when both sides write the kunya, in either order ("Emad Abu"/"Abu Emad"), then it is still a possible match', () => {
    expect(scorePair({ names: ['Abou Anas'] }, listed('Abu Anas')).score).toBeGreaterThanOrEqual(upper);
    expect(scorePair({ names: ['Emad Abu'] }, listed('Abu Emad')).score).toBeGreaterThanOrEqual(upper);
    expect(scorePair({ names: ['Ammar Abou Yahia'] }, listed('Yahia Abou Ammar')).score).toBeGreaterThanOrEqual(upper);
  });
});

describe('two words read as one (compounds)', () => {
  const one = (full: string) => listEntry('E1', [full]);
  it('when two query words joined only reach a listed word through its whole length ("Abdul Sandra"/"Abdullah", "Kari Munoz"/"Karimullah"), then they do not match as a compound', () => {
    expect(scorePair({ names: ['Abdul Sandra Agha'] }, one('Abdullah Jan Agha')).score).toBeLessThan(upper);
    const kari = scorePair({ names: ['Kari Munoz'] }, one('Haji Karimullah'));
    expect(kari.words.some((w) => w.listed === 'karimullah')).toBe(false);
  });

  it('when each part is in its own half of the joined word ("Abdul Rahman", "Nasr Allah", "Pak Mun Il"), then the compound still matches', () => {
    expect(scorePair({ names: ['Abdul Rahman Yusuf'] }, one('Abdulrahman Yusuf')).score).toBeGreaterThanOrEqual(upper);
    expect(scorePair({ names: ['Nasr Allah Khan'] }, one('Nasrullah Khan')).score).toBeGreaterThanOrEqual(upper);
    expect(scorePair({ names: ['Pak Munil'] }, one('PAK MUN IL')).score).toBeGreaterThanOrEqual(upper);
  });
});
