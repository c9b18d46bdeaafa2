import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import schema from '../schema/ban-list.schema.json' with { type: 'json' };
import { toMatchEntry, type BanListEntry } from './ban-list-entry';
import { toCountryCode } from './country-codes';
import { detectScript } from './script-detection';
import { sampleFile } from './testing/shared-data';

describe('toMatchEntry', () => {
  it('when a platform record is mapped, then the matcher gets names, dates, nationalities, gender, documents and service numbers only', () => {
    const entry: BanListEntry = {
      id: 'BAR-1',
      names: [{ full: 'Ivan Petrov', script: 'Latn', kind: 'primary' }],
      datesOfBirth: ['1975-03'],
      placesOfBirth: ['Omsk'],
      nationalities: ['RU'],
      gender: 'male',
      documents: [{ type: 'passport', number: 'AB123', country: 'RU' }],
      serviceNumbers: ['SN-1'],
      category: 'sea',
      status: 'barred',
      listingDate: '2020-01-02',
      sourceReference: 'CASE-1',
      remarks: 'x',
    };
    expect(toMatchEntry(entry)).toEqual({
      id: 'BAR-1',
      names: [{ full: 'Ivan Petrov', script: 'Latn', kind: 'primary' }],
      datesOfBirth: ['1975-03'],
      nationalities: ['RU'],
      gender: 'male',
      documents: [{ type: 'passport', number: 'AB123', country: 'RU' }],
      serviceNumbers: ['SN-1'],
    });
  });
});

describe('schema/ban-list.schema.json', () => {
  const validate = new Ajv2020({ allErrors: true }).compile(schema);

  it('when the JSON sample is checked against the schema, then it is valid', () => {
    const valid = validate(JSON.parse(sampleFile('platform-banlist.sample.json').toString('utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('when an entry lacks its source reference, then the schema rejects it too', () => {
    const doc = JSON.parse(sampleFile('platform-banlist.sample.json').toString('utf8'));
    delete doc.entries[0].sourceReference;
    expect(validate(doc)).toBe(false);
  });
});

describe('country and script helpers', () => {
  it.each([
    ['Afghanistan', 'AF'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Korea, North', 'KP'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['Türkiye', 'TR'],
    ['Burma', 'MM'],
    ['KE', 'KE'],
    ['former Soviet Union', undefined],
  ])('when the country is "%s", then the code is %s', (name, code) => {
    expect(toCountryCode(name)).toBe(code);
  });

  it.each([
    ['محمد طاهر أنوري', 'Arab'],
    ['Иван Петров', 'Cyrl'],
    ['김정은', 'Hang'],
    ['Mohammed Ali', 'Latn'],
    ['123', undefined],
  ])('when the name is "%s", then the script is %s', (name, script) => {
    expect(detectScript(name)).toBe(script);
  });
});
