import { describe, expect, it } from 'vitest';
import type { ListEntry, PersonQuery } from '../model';
import { scorePair } from './score-pair';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { listEntry } from '../list-entry.fixture';

const entry = (names: string[], extra: Partial<ListEntry> = {}): ListEntry => listEntry('E1', names, extra);
const score = (query: PersonQuery | string, e: ListEntry) => scorePair(typeof query === 'string' ? { names: [query] } : query, e);
const { upper, lower } = DEFAULT_THRESHOLDS;

describe('scorePair: known hard cases', () => {
  it('when "Jon Smith" is screened against "John Smith", then it is a possible match', () => {
    expect(score('Jon Smith', entry(['John Smith'])).band).toBe('possible-match');
  });

  it('when "george bush" is screened against "George HABBASH", then it is clear despite similar sounds', () => {
    expect(score('george bush', entry(['George HABBASH'])).score).toBeLessThan(lower);
  });

  it('when "Vladimir" is screened against "VLADIMIROV, Vladimir Vladimirovich", then the word matches once and stays below review', () => {
    const hit = score('Vladimir', entry(['VLADIMIROV, Vladimir Vladimirovich']));
    expect(hit.words).toHaveLength(1);
    expect(hit.score).toBeLessThan(upper);
  });

  it('when only common words are shared ("Mohammed Hassan" vs "Mohammed Anwari"), then it is clear', () => {
    expect(score('Mohammed Hassan', entry(['Mohammed Anwari'])).score).toBeLessThan(lower);
  });

  it('when a different name shares the exact date of birth, then the date cannot lift it to review', () => {
    const hit = score(
      { names: ['Peter Jones'], dateOfBirth: '1975-03-14', nationalities: ['GB'], gender: 'male' },
      entry(['Paul Mbeki'], { datesOfBirth: ['1975-03-14'], nationalities: ['GB'], gender: 'male' }),
    );
    expect(hit.score).toBeLessThan(lower);
    expect(hit.features.find((f) => f.feature === 'dob')).toMatchObject({ contribution: 0 });
    expect(hit.features.find((f) => f.feature === 'dob')!.detail).toContain('not counted');
  });

  it('when the patronymic is missing, then it is not a contradiction', () => {
    expect(score('Ivan Sidorov', entry(['Ivan Sergeyevich Sidorov'])).band).toBe('possible-match');
  });

  it('when the patronymic differs, then the names contradict and it stays below review', () => {
    expect(score('Ivan Petrovich Sidorov', entry(['Ivan Sergeyevich Sidorov'])).score).toBeLessThan(upper);
  });

  it('when given and family names are swapped or written "SURNAME, Given", then the score is unchanged', () => {
    const e = entry(['Muhammad Taher Anwari']);
    expect(score('ANWARI, Muhammad Taher', e).score).toBe(1);
    expect(score('Anwari Taher Muhammad', e).score).toBe(1);
  });

  it('when a middle name is dropped or added, then it remains a possible match', () => {
    expect(score('Muhammad Anwari', entry(['Muhammad Taher Anwari'])).band).toBe('possible-match');
    expect(score('Muhammad Taher Ali Anwari', entry(['Muhammad Taher Anwari'])).band).toBe('possible-match');
  });

  it('when ranks and honorifics are added, then they are ignored', () => {
    expect(score('Col. Haji Muhammad Taher Anwari', entry(['Muhammad Taher Anwari'])).score).toBe(1);
  });

  it('when given names are written as initials, then it remains a possible match', () => {
    const hit = score('M. T. Anwari', entry(['Muhammad Taher Anwari']));
    expect(hit.band).toBe('possible-match');
    expect(hit.words.map((w) => w.how)).toEqual(['initial', 'initial', 'exact']);
  });

  it('when a passport number is identical, then the hit is a match whatever the name', () => {
    const hit = score(
      { names: ['Jane Doe'], documents: [{ type: 'passport', number: 'a-123 4567' }] },
      entry(['Ali Hassan'], { documents: [{ type: 'passport', number: 'A1234567' }] }),
    );
    expect(hit.band).toBe('match');
    expect(hit.features.find((f) => f.feature === 'documents')!.detail).toBe('passport a-123 4567 identical');
  });

  it('when document numbers differ only in digits, then they are not identical', () => {
    const hit = score(
      { names: ['Ali Hassan'], documents: [{ number: 'A1234568' }] },
      entry(['Ali Hassan'], { documents: [{ number: 'A1234567' }] }),
    );
    expect(hit.band).not.toBe('match');
  });

  it('when a service number is identical, then the hit is a match', () => {
    expect(
      score({ names: ['Ali Hassan'], serviceNumbers: ['SN-778812'] }, entry(['Ali Hasan'], { serviceNumbers: ['sn778812'] })).band,
    ).toBe('match');
  });

  it('when a reviewer confirmed the identity, then the hit is a match', () => {
    expect(score({ names: ['Ali Hassan'], confirmedEntryIds: ['E1'] }, entry(['Ali Hasan'])).band).toBe('match');
  });

  it('when the date of birth and nationality disagree, then the score drops and the officer is told why', () => {
    const e = entry(['Muhammad Taher Anwari'], { datesOfBirth: ['1961'], nationalities: ['IQ'] });
    const hit = score({ names: ['Muhammad Taher Anwari'], dateOfBirth: '1985-01-02', nationalities: ['SD'] }, e);
    expect(hit.score).toBeLessThan(1);
    expect(hit.features.map((f) => f.detail)).toEqual(
      expect.arrayContaining(['date of birth 1985-01-02 is far from listed 1961', 'nationality SD differs from listed IQ']),
    );
  });

  it('when a hit is explained, then every sentence also comes as a message key with its values, for any language', () => {
    const e = entry(['Muhammad Taher Anwari'], { datesOfBirth: ['1961'], nationalities: ['IQ'] });
    const hit = score({ names: ['Muhammad Taher Anwari'], dateOfBirth: '1985-01-02', nationalities: ['SD'] }, e);
    const reasons = Object.fromEntries(hit.features.map((f) => [f.feature, f.reasons]));
    expect(reasons.name).toEqual([
      { key: 'name.words', values: { query: 'Muhammad Taher Anwari', listed: 'Muhammad Taher Anwari', matched: 3, total: 3 } },
    ]);
    expect(reasons.dob).toEqual([{ key: 'dob.far', values: { query: '1985-01-02', listed: '1961' } }]);
    expect(reasons.nationality).toEqual([{ key: 'nationality.differs', values: { query: 'SD', listed: 'IQ' } }]);
    const weak = score({ names: ['Muhammad Ali Rahimi'], dateOfBirth: '1961' }, e);
    expect(weak.features.find((f) => f.feature === 'dob')?.reasons?.at(-1)?.key).toMatch(/^gate\.(not-counted|counted-in-part)$/);
  });

  it('when the year of birth agrees with a full date, then it supports the name', () => {
    const e = entry(['Muhammad Taher Anwari'], { datesOfBirth: ['1975'] });
    const hit = score({ names: ['Mohamed Taher Anwary'], dateOfBirth: '1975-03-14' }, e);
    expect(hit.features.find((f) => f.feature === 'dob')!.detail).toBe('date of birth 1975-03-14 agrees (year) with listed 1975');
    expect(hit.score).toBeGreaterThan(score('Mohamed Taher Anwary', e).score);
  });

  it('when the gender differs, then the score drops', () => {
    const e = entry(['Ali Hassan Mansour'], { gender: 'female' });
    expect(score({ names: ['Ali Hassan Mansour'], gender: 'male' }, e).score).toBeLessThan(0.9);
  });

  it('when a hit is serialised, then it is plain JSON with the alias and its kind', () => {
    const hit = score('Mohamed Tahir Anwary', entry(['MUHAMMAD TAHER ANWARI', 'Muhammad Tahir Anwari']));
    expect(JSON.parse(JSON.stringify(hit))).toEqual(hit);
    expect(hit.matchedName).toEqual({ full: 'Muhammad Tahir Anwari', kind: 'alias' });
    expect(hit.score).toBeGreaterThanOrEqual(0);
    expect(hit.score).toBeLessThanOrEqual(1);
  });
});

describe('scorePair: other scripts against the UN list', () => {
  // NAME_ORIGINAL_SCRIPT and the Latin name of the same UN consolidated list entries (2025-04-19)
  it.each([
    ['محمد طاهر أنوري', 'MUHAMMAD TAHER ANWARI'],
    ['عبد اللطيف منصور', 'ABDUL LATIF MANSUR'],
    ['عبد الکبیر محمد جان', 'ABDUL KABIR MOHAMMAD JAN'],
    ['محمد عمر غلام نبی', 'MOHAMMED OMAR GHULAM NABI'],
    ['سيد محمد حقانی', 'SAYYED MOHAMMED HAQQANI'],
    ['شمس الرحمن عبد الظاهر', 'SHAMS UR-RAHMAN ABDUL ZAHIR'],
    ['فضل محمد مظلوم', 'FAZL MOHAMMAD MAZLOOM'],
    ['محمد احمدی', 'MOHAMMAD AHMADI'],
    ['عزت الله حقاني خان سيد', 'EZATULLAH HAQQANI KHAN SAYYID'],
    ['نور الله نوری', 'NURULLAH NURI'],
    ['ولی جان', 'WALIJAN'],
  ])('when the Arabic-script %s is screened against %s, then it is a possible match', (arabic, latin) => {
    expect(score(arabic, entry([latin])).band).toBe('possible-match');
  });

  it.each([
    ['Владимир Владимирович Путин', 'PUTIN, Vladimir Vladimirovich'],
    ['Сергей Иванов', 'Sergey IVANOV'],
    ['Юсуф Хасанов', 'Yusuf KHASANOV'],
  ])('when the Cyrillic %s is screened against %s, then it is a possible match', (cyrillic, latin) => {
    expect(score(cyrillic, entry([latin])).band).toBe('possible-match');
  });

  it('when an Arabic-script name shares only a common word, then it is clear', () => {
    expect(score('محمد حسن', entry(['MUHAMMAD TAHER ANWARI'])).score).toBeLessThan(lower);
  });
});
