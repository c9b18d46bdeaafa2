import { describe, expect, it } from 'vitest';
import type { BanListEntry } from './ban-list-entry';
import { ImportError } from './import-error';
import { addManualEntry, contentHash, diffVersions, removeEntries, replaceEntry } from './list-version';
import { importPlatformCsv } from './platform-csv.importer';
import { sampleFile } from './testing/shared-data';

const person = (id: string, over: Partial<BanListEntry> = {}): BanListEntry => ({
  id,
  names: [{ full: `Person ${id}`, script: 'Latn', kind: 'primary' }],
  datesOfBirth: ['1980'],
  placesOfBirth: [],
  nationalities: ['KE'],
  documents: [],
  serviceNumbers: [],
  category: 'sea',
  status: 'barred',
  listingDate: '2022-01-01',
  sourceReference: `CASE-${id}`,
  ...over,
});

const sample = importPlatformCsv(sampleFile('platform-banlist.sample.csv')).entries;

describe('contentHash', () => {
  it('when the same entries come in another order, then the hash is the same', () => {
    const shuffled = [...sample].reverse();
    expect(contentHash(shuffled)).toBe(contentHash(sample));
    expect(contentHash(sample)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when property order inside entries differs, then the hash is the same (RFC 8785)', () => {
    const reordered = sample.map((e) => Object.fromEntries(Object.entries(e).reverse()) as unknown as BanListEntry);
    expect(contentHash(reordered)).toBe(contentHash(sample));
  });

  it('when one field of one entry changes, then the hash changes', () => {
    const changed = sample.map((e, i) => (i === 7 ? { ...e, status: 'left-pending-allegation' as const } : e));
    expect(contentHash(changed)).not.toBe(contentHash(sample));
  });

  it('when an id appears twice, then hashing refuses', () => {
    expect(() => contentHash([person('A'), person('A')])).toThrow(/twice/);
  });
});

describe('diffVersions', () => {
  it('when entries are added, removed and changed, then each is reported by id with the changed fields', () => {
    const prev = [person('A'), person('B'), person('C')];
    const next = [person('C', { nationalities: ['UG'], remarks: 'corrected' }), person('A'), person('D')];
    expect(diffVersions(prev, next)).toEqual({
      added: ['D'],
      removed: ['B'],
      changed: [{ id: 'C', fields: ['nationalities', 'remarks'] }],
    });
  });

  it('when nothing changed but the order, then the diff is empty', () => {
    expect(diffVersions(sample, [...sample].reverse())).toEqual({ added: [], removed: [], changed: [] });
  });

  it('when an optional list goes from absent to empty, then it is not a change', () => {
    expect(diffVersions([person('A')], [person('A', { addresses: [] })]).changed).toEqual([]);
  });
});

describe('manual entries and removals', () => {
  it('when an entry is added by hand, then a new set holds it and the old one is untouched', () => {
    const prev = [person('A')];
    const next = addManualEntry(prev, person('B'));
    expect(next.map((e) => e.id)).toEqual(['A', 'B']);
    expect(prev).toHaveLength(1);
    expect(diffVersions(prev, next).added).toEqual(['B']);
  });

  it('when a manual entry reuses an id or is invalid, then it is refused with the field', () => {
    expect(() => addManualEntry([person('A')], person('A'))).toThrow(ImportError);
    try {
      addManualEntry([], person('B', { nationalities: ['Kenya'] }));
      expect.unreachable();
    } catch (error) {
      expect((error as ImportError).problems).toEqual([{ field: 'nationalities[0]', reason: '"Kenya" is not an ISO 3166-1 alpha-2 code' }]);
    }
  });

  it('when an entry is replaced, then the diff shows the change', () => {
    const next = replaceEntry([person('A'), person('B')], person('B', { status: 'left-pending-allegation' }));
    expect(diffVersions([person('A'), person('B')], next).changed).toEqual([{ id: 'B', fields: ['status'] }]);
    expect(() => replaceEntry([], person('Z'))).toThrow(/not on the list/);
  });

  it('when entries are removed, then they are gone and unknown ids are refused', () => {
    expect(removeEntries([person('A'), person('B')], ['A']).map((e) => e.id)).toEqual(['B']);
    expect(() => removeEntries([person('A')], ['Q'])).toThrow(/Q is not on the list/);
  });
});
