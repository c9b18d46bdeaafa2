import { describe, expect, it } from 'vitest';
import { ImportError, MAX_REPORTED_PROBLEMS } from './import-error';
import { importPlatformCsv } from './platform-csv.importer';
import { sampleFile, thrown } from './testing/shared-data';

const HEADER =
  'id,primary_name,aliases,dates_of_birth,nationalities,documents,service_numbers,category,status,listing_date,source_reference';
const GOOD = 'BAR-1,Ivan Petrov,Cyrl:Иван Петров,1975-03,RU,passport:AB123:RU,SN-1,sea,barred,2020-01-02,CASE-1';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const rejected = (content: string | Buffer) => thrown(() => importPlatformCsv(content)) as ImportError;

describe('importPlatformCsv on the shipped sample', () => {
  const sample = sampleFile('platform-banlist.sample.csv');
  const { entries, warnings } = importPlatformCsv(sample);

  it('when the sample is imported, then every data row is an entry', () => {
    const dataRows = sample.toString('utf8').trim().split('\n').length - 1;
    expect(entries).toHaveLength(dataRows);
    expect(warnings).toEqual([]);
  });

  it('when names carry script prefixes, then the script is kept and unprefixed names get a detected script', () => {
    expect(entries[0]?.names).toEqual([
      { full: 'Tariq Mehmood Qadir', script: 'Latn', kind: 'primary' },
      { full: 'طارق محمود قادر', script: 'Arab', kind: 'alias' },
      { full: 'Tariq Mahmood Kadir', script: 'Latn', kind: 'alias' },
      { full: 'Tariq Bhai', script: 'Latn', kind: 'weak-alias' },
    ]);
    expect(entries.some((e) => e.names.some((n) => n.script === 'Cyrl'))).toBe(true);
  });

  it('when a row has partial dates, several nationalities, documents and service numbers, then all are read', () => {
    expect(entries.find((e) => e.id === 'BAR-0007')).toMatchObject({
      datesOfBirth: ['1977-12'],
      nationalities: ['MD', 'RU'],
      documents: [
        { type: 'passport', number: 'B0345512', country: 'MD' },
        { type: 'military-id', number: 'AV-209934', country: 'RU' },
      ],
      serviceNumbers: ['AV-209934'],
      category: 'sea',
      status: 'barred',
      listingDate: '2018-05-14',
    });
  });
});

describe('importPlatformCsv encodings', () => {
  it('when the file starts with a UTF-8 BOM, then it is accepted', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(GOOD), 'utf8')]);
    expect(importPlatformCsv(withBom).entries[0]?.id).toBe('BAR-1');
    expect(importPlatformCsv('\uFEFF' + csv(GOOD)).entries).toHaveLength(1);
  });

  it('when the file is Latin-1, then it is rejected as not UTF-8, naming the line', () => {
    const latin1 = Buffer.from(csv(GOOD, GOOD.replace('BAR-1', 'BAR-2').replace('Ivan Petrov', 'José Álvarez')), 'latin1');
    expect(rejected(latin1).problems).toEqual([{ line: 3, reason: expect.stringMatching(/not valid UTF-8.*save the file as UTF-8/) }]);
  });

  it('when the file is UTF-16, then it is rejected saying so', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(GOOD), 'utf16le')]);
    expect(rejected(utf16).message).toContain('UTF-16 LE');
  });
});

describe('importPlatformCsv rejecting bad rows', () => {
  it('when a required field is empty, then the file is rejected naming row, line and column', () => {
    const noDate = GOOD.replace('BAR-1', 'BAR-2').replace('2020-01-02', '');
    const error = rejected(csv(GOOD, noDate));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.problems).toEqual([{ line: 3, row: 3, field: 'listing_date', reason: 'required' }]);
  });

  it('when several rows are bad, then every one is listed', () => {
    const error = rejected(
      csv(
        GOOD.replace('sea', 'theft'),
        GOOD.replace('BAR-1', 'BAR-2'),
        GOOD.replace('BAR-1', 'BAR-3').replace(',RU,', ',XX,').replace('1975-03', '1975-13'),
      ),
    );
    expect(error.problems).toEqual([
      {
        line: 2,
        row: 2,
        field: 'category',
        reason: '"theft" is not one of sea, sexual-harassment, other-misconduct, sanctions',
      },
      {
        line: 4,
        row: 4,
        field: 'dates_of_birth',
        reason: '"1975-13" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
      },
      { line: 4, row: 4, field: 'nationalities', reason: '"XX" is not an ISO 3166-1 alpha-2 code' },
    ]);
  });

  it('when thousands of rows are bad, then the first hundred are listed and the total is counted', () => {
    const bad = Array.from({ length: 250 }, (_, i) => GOOD.replace('BAR-1', `BAR-${i}`).replace('CASE-1', ''));
    const error = rejected(csv(...bad));
    expect(error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.problemCount).toBe(250);
  });

  it('when an id repeats, then the later row is rejected pointing at the first', () => {
    expect(rejected(csv(GOOD, GOOD)).problems).toEqual([{ line: 3, row: 3, field: 'id', reason: 'id BAR-1 already used on row 2' }]);
  });

  it('when a document cell is not type:number:country, then the documents column is named', () => {
    expect(rejected(csv(GOOD.replace('passport:AB123:RU', 'visa:AB123'))).problems[0]).toMatchObject({
      row: 2,
      field: 'documents',
    });
  });

  it('when a quoted cell spans lines, then later rows still report their own line', () => {
    const multiline = GOOD.replace('Ivan Petrov', '"Ivan\nPetrov"');
    expect(rejected(csv(multiline, GOOD.replace('BAR-1', 'BAR-2').replace('sea', ''))).problems[0]).toMatchObject({
      line: 4,
      row: 3,
      field: 'category',
    });
  });

  it('when a required column is missing or an unknown one is present, then the header is rejected', () => {
    const error = rejected('id,primary_name,catgory,status,listing_date,source_reference\nX,Y,sea,barred,2020,Z\n');
    expect(error.problems).toEqual([
      { line: 1, row: 1, field: 'catgory', reason: 'unknown column' },
      { line: 1, row: 1, field: 'category', reason: 'required column missing' },
    ]);
  });

  it("when a spreadsheet saved the file with ';' between cells, then the message says how to save it", () => {
    expect(rejected(csv(GOOD).replaceAll(',', ';')).problems[0]?.reason).toContain('CSV UTF-8 (comma delimited)');
  });

  it('when a quote is left open, then the file is rejected as malformed CSV with the line', () => {
    expect(rejected(csv(GOOD, 'BAR-2,"Ivan Petrov,x')).problems[0]).toMatchObject({
      reason: expect.stringContaining('malformed CSV'),
    });
  });
});
