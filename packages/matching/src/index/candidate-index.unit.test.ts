import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../model';
import { buildIndex } from './candidate-index';
import { listEntry } from '../list-entry.fixture';
import { normaliseName } from '../normalise/name-normaliser';

const entry = listEntry;

// A small list where "Mohammed", "Ali" and "Khan" are common, as on real lists.
const list: ListEntry[] = [
  entry('UN-1', ['MUHAMMAD TAHER ANWARI', 'Mohammad Tahir Anwari', 'Haji Mudir'], {
    datesOfBirth: ['1961'],
    nationalities: ['Afghanistan'],
  }),
  entry('UN-2', ['VLADIMIROV, Vladimir Vladimirovich'], { datesOfBirth: ['1970-05-01'] }),
  entry('UN-3', ['John Smith']),
  entry('UN-4', ['Ali Hassan Khan'], { documents: [{ type: 'passport', number: 'A1234567', country: 'PK' }] }),
  ...Array.from({ length: 40 }, (_, i) => entry(`C-${i}`, [`Mohammed Ali Khan${'bcdfghjklmnpqrstvwxyz'[i % 21]}${'aeiou'[i % 5]}${i}`])),
  ...Array.from({ length: 20 }, (_, i) => entry(`K-${i}`, [`Ali Khan Person${i}`])),
];
const index = buildIndex(list);

describe('buildIndex / search', () => {
  it('when a rare spelling of a common name is listed, then it weighs as little as the common spelling', () => {
    // "Mukhammad" (Russian transliteration) listed once, "Mohammed" forty times: a query written in
    // Cyrillic must not make the common name count like a rare one
    const withRare = buildIndex([...list, entry('R-1', ['Mukhammad Rarename'])]);
    const [rare, common] = ['Mukhammad', 'Mohammed'].map((n) => normaliseName(n).words[0]!);
    expect(withRare.statistics.documentFrequency(rare!)).toBe(withRare.statistics.documentFrequency(common!));
    expect(withRare.statistics.documentFrequency(common!)).toBeGreaterThanOrEqual(40);
  });

  it('when the index is built, then it reports its size', () => {
    expect(index.size.entries).toBe(list.length);
    expect(index.size.names).toBe(list.length + 2);
  });

  it('when a listed person is searched with variants and typos, then they rank first as a possible match', () => {
    const [hit] = index.search({ names: ['Mohamed Tahir Anwary'] });
    expect(hit).toMatchObject({ entryId: 'UN-1', band: 'possible-match' });
    expect(hit!.words.map((w) => w.how)).toEqual(['variant', 'exact', 'variant']);
  });

  it('when every word of the query has a typo, then the fallback still finds the person', () => {
    expect(index.search({ names: ['Muhamad Tahre Anwri'] })[0]?.entryId).toBe('UN-1');
    expect(index.search({ names: ['Jhon Smiht'] })[0]?.entryId).toBe('UN-3');
  });

  it('when the query is in Arabic script, then the Latin entry is found', () => {
    expect(index.search({ names: ['محمد طاهر أنوري'] })[0]).toMatchObject({ entryId: 'UN-1', band: 'possible-match' });
  });

  it('when only common words are shared, then no possible match is raised', () => {
    const hits = index.search({ names: ['Mohammed Ali Hussein'] });
    expect(hits.filter((h) => h.band === 'possible-match' || h.band === 'match')).toEqual([]);
  });

  it('when the query is a single given name, then nothing reaches review', () => {
    expect(index.search({ names: ['Vladimir'] }).filter((h) => h.band !== 'weak')).toEqual([]);
  });

  it('when a different name shares the date of birth, then it is not returned', () => {
    expect(index.search({ names: ['Peter Okafor'], dateOfBirth: '1970-05-01' })).toEqual([]);
  });

  it('when a passport number is identical, then the entry is a match even under another name', () => {
    const [hit] = index.search({ names: ['Someone Else'], documents: [{ number: 'a 123-4567' }] });
    expect(hit).toMatchObject({ entryId: 'UN-4', band: 'match' });
  });

  it('when limit and minScore are given, then they bound the hits', () => {
    const all = index.search({ names: ['Mohammed Ali Khan'] }, { limit: 100, minScore: 0 });
    expect(all.length).toBeGreaterThan(3);
    expect(index.search({ names: ['Mohammed Ali Khan'] }, { limit: 3, minScore: 0 })).toHaveLength(3);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('when a reviewer confirmed an identity, then that entry is a match', () => {
    expect(index.search({ names: ['John Smith'], confirmedEntryIds: ['UN-3'] })[0]).toMatchObject({ entryId: 'UN-3', band: 'match' });
  });

  it('when a hit is returned, then it explains every feature in words', () => {
    const [hit] = index.search({ names: ['Muhammad Taher Anwari'], dateOfBirth: '1961-02-03', nationalities: ['Afghanistan'] });
    expect(hit!.features.map((f) => f.feature)).toEqual(['name', 'dob', 'nationality']);
    expect(hit!.features[1]!.detail).toBe('date of birth 1961-02-03 agrees (year) with listed 1961');
    expect(hit!.features[2]!.detail).toBe('nationality Afghanistan agrees with the list');
    expect(hit!.summary).toContain('MUHAMMAD TAHER ANWARI');
  });
});
