import { describe, expect, it } from 'vitest';
import type { ImportError } from './import-error';
import { importPlatformCsv } from './platform-csv.importer';
import { importPlatformJson } from './platform-json.importer';
import { sampleFile, thrown } from './testing/shared-data';

const entry = {
  id: 'BAR-1',
  names: [{ full: 'Ivan Petrov', kind: 'primary' }],
  category: 'sea',
  status: 'barred',
  listingDate: '2020-01-02',
  sourceReference: 'CASE-1',
};
const file = (entries: unknown[]) => JSON.stringify({ format: 'vetting-banlist', version: 1, entries });
const rejected = (content: string) => thrown(() => importPlatformJson(content)) as ImportError;

describe('importPlatformJson', () => {
  it('when the JSON sample is imported, then it holds the same entries as the CSV sample', () => {
    const fromJson = importPlatformJson(sampleFile('platform-banlist.sample.json')).entries;
    expect(fromJson).toEqual(importPlatformCsv(sampleFile('platform-banlist.sample.csv')).entries);
  });

  it('when optional lists are absent, then they default to empty', () => {
    expect(importPlatformJson(file([entry])).entries[0]).toEqual({
      ...entry,
      datesOfBirth: [],
      placesOfBirth: [],
      nationalities: [],
      documents: [],
      serviceNumbers: [],
    });
  });

  it('when an entry lacks a required field, then the file is rejected naming the entry and field', () => {
    const { sourceReference: _, ...noSource } = entry;
    expect(rejected(file([entry, { ...noSource, id: 'BAR-2' }])).problems).toEqual([
      { row: 2, element: 'entries[1]', field: 'sourceReference', reason: 'required' },
    ]);
  });

  it('when a field is misspelt or a name has a bad script, then both are reported', () => {
    const bad = {
      ...entry,
      nationality: ['RU'],
      names: [{ full: 'Иван', script: 'cyrillic', kind: 'primary' }],
    };
    expect(rejected(file([bad])).problems.map((p) => p.field)).toEqual(['nationality', 'names[0].script']);
  });

  it('when the JSON is malformed, then the file is rejected with the line', () => {
    const error = rejected('{\n  "format": "vetting-banlist",\n  "version": 1,\n  "entries": [\n    { "id": "X", }\n  ]\n}');
    expect(error.problems[0]).toMatchObject({ line: 5, reason: expect.stringContaining('malformed JSON') });
  });

  it('when the format tag is missing, then the file is rejected', () => {
    expect(rejected(JSON.stringify({ entries: [] })).problems.map((p) => p.field)).toEqual(['format', 'version']);
  });
});
