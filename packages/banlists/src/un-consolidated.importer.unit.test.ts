import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { sharedFile, thrown, UN_XML } from './testing/shared-data';
import { importUnConsolidatedList } from './un-consolidated.importer';

const xml = sharedFile(UN_XML);
const text = xml.toString('utf8');
const { entries, warnings } = importUnConsolidatedList(xml);
const individualsSection = text.slice(text.indexOf('<INDIVIDUALS>'), text.indexOf('</INDIVIDUALS>'));
const individualBlocks = individualsSection.split('<INDIVIDUAL>').slice(1);
const byId = (id: string) => entries.find((e) => e.id === id);

/** A minimal list with one individual; `body` replaces its inside. */
const listWith = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n${body}\n</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n`;

describe('importUnConsolidatedList on the real list of 2025-04-19', () => {
  it('when imported, then every <INDIVIDUAL> becomes exactly one entry and entities are left out', () => {
    const individuals = text.match(/<INDIVIDUAL>/g)?.length ?? 0;
    expect(individuals).toBeGreaterThan(0);
    expect(entries).toHaveLength(individuals);
    expect(new Set(entries.map((e) => e.id)).size).toBe(individuals);
    const entityRefs = [...text.matchAll(/<ENTITY>[\s\S]*?<REFERENCE_NUMBER>([^<]+)<\/REFERENCE_NUMBER>/g)].map((m) => m[1]);
    expect(entityRefs.length).toBeGreaterThan(0);
    expect(entries.some((e) => entityRefs.includes(e.id))).toBe(false);
  });

  it('when the list says when it was generated, then that is the publication time', () => {
    expect(importUnConsolidatedList(xml).publishedAt).toBe(/dateGenerated='([^']+)'/.exec(text)![1]);
  });

  it('when an individual has NAME_ORIGINAL_SCRIPT, then it is kept as a primary name with its script', () => {
    const withOriginal = individualsSection.match(/<NAME_ORIGINAL_SCRIPT>[^<]*\S[^<]*<\/NAME_ORIGINAL_SCRIPT>/g)?.length ?? 0;
    const imported = entries.filter((e) => e.names.filter((n) => n.kind === 'primary').length === 2).length;
    expect(imported).toBe(withOriginal);
  });

  it('when TAi.005 is read, then names, aliases by quality, original script, approximate DOB and nationality are right', () => {
    expect(byId('TAi.005')).toMatchObject({
      names: [
        { full: 'MUHAMMAD TAHER ANWARI', script: 'Latn', kind: 'primary' },
        { full: 'محمد طاهر أنوري', script: 'Arab', kind: 'primary' },
        { full: 'Mohammad Taher Anwari', kind: 'alias' },
        { full: 'Muhammad Tahir Anwari', kind: 'alias' },
        { full: 'Mohammad Tahre Anwari', kind: 'alias' },
        { full: 'Haji Mudir', kind: 'weak-alias' },
      ],
      datesOfBirth: ['1961'],
      placesOfBirth: ['Zurmat District, Paktia Province, Afghanistan'],
      nationalities: ['AF'],
      category: 'sanctions',
      status: 'listed',
      listingDate: '2001-02-23',
      sourceReference: 'UN SC Consolidated List TAi.005 (Taliban)',
    });
  });

  it('when a date of birth is BETWEEN two years, then every year of the range is kept', () => {
    expect(byId('TAi.023')?.datesOfBirth).toEqual(['1963', '1964', '1965', '1966', '1967', '1968']);
  });

  it('when an alias carries its own date of birth, then it is added to the person', () => {
    expect(byId('TAi.043')?.datesOfBirth).toEqual(['1969-01-01', '1955']);
  });

  it('when a document is listed, then type, number and issuing country are mapped', () => {
    expect(byId('QDi.356')?.documents).toEqual([{ type: 'passport', number: '720134834', country: 'GB' }]);
    expect(byId('QDi.356')?.gender).toBe('female');
  });

  it('when the number hides in the document description, then it is still found', () => {
    expect(byId('TAi.071')?.documents).toEqual([{ type: 'national-id', number: '545167' }]);
  });

  it('when gender is only in the comments, then it is read from there', () => {
    const block = individualBlocks.find((b) => !b.includes('<GENDER>') && /Gender:\s*male/i.test(b))!;
    const id = /<REFERENCE_NUMBER>([^<]+)</.exec(block)![1]!;
    expect(byId(id)?.gender).toBe('male');
  });

  it('when a nationality names no current country, then it is dropped with a warning naming the element and line', () => {
    expect(warnings).toContainEqual(
      expect.objectContaining({
        element: expect.stringMatching(/^INDIVIDUAL\[\d+\]\/NATIONALITY$/),
        reason: expect.stringContaining('former Soviet Union'),
      }),
    );
    const w = warnings.find((x) => x.reason.includes('former Soviet Union'))!;
    expect(text.split('\n')[w.line! - 1]).toContain('<INDIVIDUAL>');
  });
});

describe('importUnConsolidatedList rejecting bad files', () => {
  it('when the XML is malformed, then the file is rejected naming the line', () => {
    const broken = listWith('<REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>\n<FIRST_NAME>A</SECOND_NAME>');
    const error = thrown(() => importUnConsolidatedList(broken));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems[0]).toMatchObject({
      line: 6,
      reason: expect.stringContaining('malformed XML'),
    });
  });

  it('when the real file is cut off mid-way, then it is rejected, not half imported', () => {
    const cut = text.slice(0, Math.floor(text.length / 2));
    expect(() => importUnConsolidatedList(cut)).toThrow(ImportError);
  });

  it('when an individual has no reference number, then the file is rejected naming the element and line', () => {
    const error = thrown(() => importUnConsolidatedList(listWith('<FIRST_NAME>JOHN</FIRST_NAME>'))) as ImportError;
    expect(error.code).toBe('BANLIST.FILE_REJECTED');
    expect(error.problems).toEqual([{ line: 4, element: 'INDIVIDUAL[1]/REFERENCE_NUMBER', reason: 'reference number missing' }]);
  });

  it('when two individuals share a reference number, then the file is rejected', () => {
    const one = '<INDIVIDUAL><REFERENCE_NUMBER>XXi.1</REFERENCE_NUMBER><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>';
    const twice = `<CONSOLIDATED_LIST><INDIVIDUALS>${one}${one}</INDIVIDUALS></CONSOLIDATED_LIST>`;
    expect((thrown(() => importUnConsolidatedList(twice)) as ImportError).problems[0]?.reason).toContain('repeats INDIVIDUAL[1]');
  });

  it('when the root is not CONSOLIDATED_LIST, then the file is rejected', () => {
    expect(() => importUnConsolidatedList('<sdnList></sdnList>')).toThrow(/CONSOLIDATED_LIST/);
  });

  it('when the bytes are Latin-1, then the file is rejected as not UTF-8 with the line', () => {
    const latin1 = Buffer.from(listWith('<REFERENCE_NUMBER>XXi.1</REFERENCE_NUMBER>\n<FIRST_NAME>JOSÉ</FIRST_NAME>'), 'latin1');
    const error = thrown(() => importUnConsolidatedList(latin1)) as ImportError;
    expect(error.problems[0]).toMatchObject({ line: 6, reason: expect.stringContaining('not valid UTF-8') });
  });
});
