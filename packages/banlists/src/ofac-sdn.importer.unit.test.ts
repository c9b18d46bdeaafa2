import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { importOfacSdn } from './ofac-sdn.importer';
import { OFAC_ADD, OFAC_ALT, OFAC_SDN, sharedFile, thrown } from './testing/shared-data';

const sdn = sharedFile(OFAC_SDN);
const alt = sharedFile(OFAC_ALT);
const add = sharedFile(OFAC_ADD);
const { entries } = importOfacSdn({ sdn, alt, add });
const byId = (id: string) => entries.find((e) => e.id === id);

const row = (id: number, name: string, type: string, remarks = '-0- ') =>
  `${id},"${name}",${type === '-0-' ? '-0- ' : `"${type}"`},"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,${remarks}\r\n`;

describe('importOfacSdn on the real SDN CSV trio (April 2021)', () => {
  it('when imported, then every row of type individual becomes one entry and nothing else does', () => {
    const individualRows = sdn
      .toString('utf8')
      .split('\n')
      .filter((line) => /^\d+,"(?:[^"]|"")*","individual",/.test(line));
    expect(individualRows.length).toBeGreaterThan(0);
    expect(entries).toHaveLength(individualRows.length);
    expect(byId('306')).toBeUndefined(); // BANCO NACIONAL DE CUBA, an entity
  });

  it('when alt.csv lists a.k.a.s, then each becomes an alias of its person, name kept "SURNAME, Given"', () => {
    const altRowsFor2676 = alt
      .toString('utf8')
      .split('\n')
      .filter((l) => l.startsWith('2676,')).length;
    const zawahiri = byId('2676')!;
    expect(zawahiri.names[0]).toEqual({ full: 'AL ZAWAHIRI, Dr. Ayman', script: 'Latn', kind: 'primary' });
    expect(zawahiri.names.filter((n) => n.kind === 'alias')).toHaveLength(altRowsFor2676);
    expect(zawahiri.names).toContainEqual({ full: 'SALIM, Ahmad Fuad', script: 'Latn', kind: 'alias' });
  });

  it('when the remarks give DOB, POB and passports, then they are parsed into the entry', () => {
    expect(byId('2676')).toMatchObject({
      datesOfBirth: ['1951-06-19'],
      placesOfBirth: ['Giza, Egypt'],
      documents: [
        { type: 'passport', number: '1084010', country: 'EG' },
        { type: 'passport', number: '19820215' },
      ],
      sourceReference: 'OFAC SDN 2676 [SDGT]',
    });
  });

  it("when the remarks carry a.k.a. 'X', then X is a weak alias", () => {
    expect(byId('4106')?.names).toEqual([
      { full: 'HERRERA BUITRAGO, Helmer', script: 'Latn', kind: 'primary' },
      { full: 'PACHO', script: 'Latn', kind: 'weak-alias' },
      { full: 'H7', script: 'Latn', kind: 'weak-alias' },
    ]);
    expect(byId('4106')?.documents).toContainEqual({
      type: 'national-id',
      number: '16247821',
      country: 'CO',
    });
    expect(byId('4106')?.datesOfBirth).toEqual(['1951-08-24', '1951-07-05']);
  });

  it('when nationality is "Korea, North", then it becomes KP', () => {
    expect(byId('11648')?.nationalities).toEqual(['KP']);
  });

  it('when add.csv has addresses, then they are attached to the person', () => {
    expect(byId('4106')?.addresses).toEqual(['Cali, Colombia']);
  });

  it('when only sdn.csv is given, then entries still import, without alt names', () => {
    const alone = importOfacSdn({ sdn });
    expect(alone.entries).toHaveLength(entries.length);
    expect(alone.entries.find((e) => e.id === '2676')?.names).toHaveLength(1);
  });
});

describe('importOfacSdn rejecting bad files', () => {
  it('when a quote is not closed, then the trio is rejected naming the file and line', () => {
    const broken = row(1, 'DOE, John', 'individual') + '2,"ROE, Richard,"individual"\r\n';
    const error = thrown(() => importOfacSdn({ sdn: broken })) as ImportError;
    expect(error).toBeInstanceOf(ImportError);
    expect(error.problems[0]?.reason).toMatch(/sdn\.csv: malformed CSV/);
    expect(error.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('when a row has the wrong number of columns, then it is rejected naming its line', () => {
    const broken = row(1, 'DOE, John', 'individual') + '2,"ROE, Richard","individual"\r\n';
    const error = thrown(() => importOfacSdn({ sdn: broken })) as ImportError;
    expect(error.problems).toEqual([{ line: 2, reason: 'sdn.csv: 3 columns, expected 12' }]);
  });

  it('when alt.csv names an entry that sdn.csv lacks, then the trio is rejected', () => {
    const error = thrown(() => importOfacSdn({ sdn: row(1, 'DOE, John', 'individual'), alt: '9,1,"aka","X",-0- \r\n' })) as ImportError;
    expect(error.problems[0]).toMatchObject({
      line: 1,
      field: 'ent_num',
      reason: expect.stringContaining('not in sdn.csv'),
    });
  });

  it('when an ent_num repeats, then the file is rejected', () => {
    const twice = row(1, 'DOE, John', 'individual') + row(1, 'ROE, Richard', 'individual');
    expect((thrown(() => importOfacSdn({ sdn: twice })) as ImportError).problems[0]).toMatchObject({
      line: 2,
      field: 'ent_num',
    });
  });

  it('when the file ends with the DOS end-of-file mark, then it is accepted', () => {
    expect(importOfacSdn({ sdn: row(1, 'DOE, John', 'individual') + '\x1a' }).entries).toHaveLength(1);
  });
});
