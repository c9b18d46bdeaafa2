import { describe, expect, it } from 'vitest';
import type { ListEntry, PersonQuery } from '../model';
import { listEntry } from '../list-entry.fixture';
import { buildIndex } from './candidate-index';

// Common words on both sides are where an unsound pruning loses hits: a listed name made only of words
// the query shares ("Mohammed Ali") next to query words that weigh more ("Zarkawi Huseynov").
const given = ['Mohammed', 'Ali', 'Ahmad', 'Hassan', 'Abdul', 'Rahman', 'Ivan', 'Kim', 'Jong', 'Maria'];
const family = ['Khan', 'Rahimi', 'Karimi', 'Petrov', 'Sokolov', 'Nuri', 'Haddad', 'Osman', 'Silva', 'Park'];
const list: ListEntry[] = [
  listEntry('A-1', ['Mohammed Ali']),
  listEntry('A-2', ['Abdul Rahman Haddad', 'Abdulrahman Haddad']),
  listEntry('A-3', ['Kim Jong Il', 'Kimjongil']),
  listEntry('A-4', ['Ivan Ivanovich Petrov'], { datesOfBirth: ['1970-05-01'], nationalities: ['RU'] }),
  listEntry('A-5', ['Hassan Nuri'], { documents: [{ type: 'passport', number: 'P1234567' }], serviceNumbers: ['77'] }),
  listEntry('A-6', ['محمد علي حداد', 'Muhammad Ali Haddad']),
  ...given.flatMap((g, i) => family.map((f, j) => listEntry(`G-${i}-${j}`, [`${g} ${given[(i + j) % given.length]} ${f}`]))),
  // namesakes told apart only by their evidence: the top-k stop skips them by their own ceilings
  ...Array.from({ length: 60 }, (_, i) =>
    listEntry(`W-${i}`, [i % 7 === 0 ? 'Wang Weiming' : 'Wang Wei'], {
      datesOfBirth: i % 5 === 0 ? [] : [`${1960 + (i % 13)}-0${1 + (i % 9)}-1${i % 10}`],
      nationalities: i % 3 === 0 ? ['CN'] : i % 3 === 1 ? ['TW'] : [],
      ...(i % 4 === 0 ? {} : { gender: i % 4 === 1 ? ('male' as const) : ('female' as const) }),
    }),
  ),
];
const pruned = buildIndex(list);
const full = buildIndex(list, { prune: false });

const queries: PersonQuery[] = [
  { names: ['Mohammed Ali Zarkawi Huseynov'] },
  { names: ['Mohamed Ali'] },
  { names: ['Mohammed'] },
  { names: ['Ali Hassan Karimi Abdulrahman'] },
  { names: ['Abdulrahman Hadad'] },
  { names: ['Kimjong Il'] },
  { names: ['Ivan Petrov'], dateOfBirth: '1970-05-01', nationalities: ['RU'] },
  { names: ['Someone Else'], documents: [{ number: 'P1234567' }] },
  { names: ['Hassan Nuri Osman'], serviceNumbers: ['77'] },
  { names: ['Maria Silva'], confirmedEntryIds: ['G-9-8'] },
  { names: ['محمد علي'] },
  { names: ['Haddad Muhammad', 'Mohammed Ali Park'] },
  { names: [Array.from({ length: 34 }, (_, i) => `${given[i % 10]}${i}`).join(' ') + ' Mohammed Ali'] },
  ...given.map((g, i) => ({ names: [`${g} ${family[(i * 3) % 10]} Qwertzuiop`] })),
  { names: ['Wang Wei'], dateOfBirth: '1961-02-11', nationalities: ['CN'], gender: 'male' },
  { names: ['Wei Wang'], dateOfBirth: '1965', nationalities: ['TW'] },
  { names: ['Wang Wei'], dateOfBirth: '1999-12-31', gender: 'female' },
  { names: ['Wang Weiming', 'Wang Wei'], dateOfBirth: '1960-01-10' },
  { names: ['Wang Wei'], serviceNumbers: ['77'] },
];

describe('search pruning', () => {
  it.each([0.2, 0.35, 0.5])(
    'when pruning is on (minScore %s), then every hit the unpruned scorer returns is returned, identical',
    (minScore) => {
      for (const q of queries) {
        const want = full.search(q, { limit: 1000, minScore });
        expect(pruned.search(q, { limit: 1000, minScore }), q.names.join(' | ')).toEqual(want);
      }
    },
  );

  it.each([1, 3, 10])('when only the best %s hits are asked for, then they are the unpruned search’s best, in its order', (limit) => {
    for (const q of queries) {
      for (const minScore of [0.2, 0.35]) {
        const want = full.search(q, { limit: 1000, minScore }).slice(0, limit);
        expect(pruned.search(q, { limit, minScore }), `${q.names.join(' | ')} limit ${limit}`).toEqual(want);
      }
    }
  });

  it('when the same queries come again in the other order, then each gets the same hits (what is kept across queries changes nothing)', () => {
    const again = buildIndex(list);
    for (const q of [...queries, ...queries].reverse()) {
      expect(again.search(q, { limit: 1000, minScore: 0.2 }), q.names.join(' | ')).toEqual(full.search(q, { limit: 1000, minScore: 0.2 }));
    }
  });

  it('when namesakes differ only in their evidence, then the best few are found without aligning them all', () => {
    const q: PersonQuery = { names: ['Wang Wei'], dateOfBirth: '1961-02-11', nationalities: ['CN'], gender: 'male' };
    const namesakes = list.filter((e) => e.names[0]!.full.startsWith('Wang')).length;
    const before = pruned.work.namesAligned;
    expect(pruned.search(q, { limit: 3 })).toEqual(full.search(q, { limit: 1000 }).slice(0, 3));
    expect(pruned.work.namesAligned - before).toBeLessThan(namesakes / 2);
  });

  it('when a listed name is made only of words the query shares, then it is still found', () => {
    const hits = full.search({ names: ['Mohammed Ali Zarkawi Huseynov'] }, { limit: 1000 });
    expect(hits.map((h) => h.entryId)).toContain('A-1');
    expect(pruned.search({ names: ['Mohammed Ali Zarkawi Huseynov'] }, { limit: 1000 }).map((h) => h.entryId)).toContain('A-1');
  });
});
