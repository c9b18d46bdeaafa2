import { describe, expect, it } from 'vitest';
import type { ImportError } from './import-error';
import { importOfacXml } from './ofac-xml.importer';
import { OFAC_CONSOLIDATED, sharedFile, thrown } from './testing/shared-data';

const xml = sharedFile(OFAC_CONSOLIDATED);
const { entries } = importOfacXml(xml);
const byId = (id: string) => entries.find((e) => e.id === id);

const list = (body: string) => `<?xml version="1.0"?>\n<sdnList xmlns="https://example.org/x">\n${body}\n</sdnList>\n`;

describe('importOfacXml on the real consolidated (non-SDN) list of 2024-05-06', () => {
  it('when imported, then every sdnEntry of type Individual becomes one entry', () => {
    const individuals = xml.toString('utf8').match(/<sdnType>Individual<\/sdnType>/g)?.length ?? 0;
    expect(individuals).toBeGreaterThan(0);
    expect(entries).toHaveLength(individuals);
  });

  it('when the list has a publish date, then it is returned as ISO 8601', () => {
    expect(importOfacXml(xml).publishedAt).toBe('2024-05-06');
  });

  it('when an individual has a.k.a.s and a year of birth, then they are read with names "LAST, First"', () => {
    expect(byId('9639')).toMatchObject({
      names: [
        { full: 'HANIYA, Ismail Abdul Salah', kind: 'primary' },
        { full: 'HANIYA, Ismail', kind: 'alias' },
        { full: 'HANIYYA, Ismaeel', kind: 'alias' },
      ],
      datesOfBirth: ['1962'],
      placesOfBirth: ['Shati'],
      sourceReference: 'OFAC 9639 [NS-PLC]',
    });
  });

  it('when the id list holds a passport and the gender, then both are read and citizenship is a nationality', () => {
    expect(byId('26182')).toMatchObject({
      datesOfBirth: ['1980-02-08'],
      nationalities: ['TR'],
      documents: [{ type: 'passport', number: 'U00242309', country: 'TR' }],
      gender: 'male',
    });
  });
});

describe('importOfacXml on small files', () => {
  it('when an a.k.a. is weak, then it is a weak alias', () => {
    const one = list(
      '<sdnEntry><uid>1</uid><lastName>DOE</lastName><firstName>John</firstName><sdnType>Individual</sdnType>' +
        '<akaList><aka><uid>2</uid><type>a.k.a.</type><category>weak</category><lastName>JD</lastName></aka></akaList></sdnEntry>',
    );
    expect(importOfacXml(one).entries[0]?.names).toEqual([
      { full: 'DOE, John', script: 'Latn', kind: 'primary' },
      { full: 'JD', script: 'Latn', kind: 'weak-alias' },
    ]);
  });

  it('when the XML is malformed, then the file is rejected with the line', () => {
    const error = thrown(() => importOfacXml(list('<sdnEntry>\n<uid>1</uid>\n<lastName>DOE</firstName>\n</sdnEntry>'))) as ImportError;
    expect(error.problems[0]).toMatchObject({ line: 5, reason: expect.stringContaining('malformed XML') });
  });

  it('when an entry has no uid, then the file is rejected naming the element', () => {
    const error = thrown(() => importOfacXml(list('<sdnEntry><lastName>DOE</lastName></sdnEntry>'))) as ImportError;
    expect(error.problems).toEqual([{ line: 3, element: 'sdnEntry[1]', field: 'uid', reason: 'uid missing' }]);
  });
});
