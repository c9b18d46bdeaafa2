import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nominationProblems, partialDateProblem } from './candidate-rules';
import { csvCell } from './csv-report';
import { dedupeKeys, findExisting, normaliseName } from './dedupe-keys';

const now = new Date('2026-06-01T00:00:00Z');
const valid = {
  nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' as const },
  person: { names: [{ full: 'Kwame Mensah' }], dateOfBirth: '1990-05-17', nationalities: ['GH'] },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' as const },
};

describe('nomination rules', () => {
  it('when a date does not exist in the calendar or lies ahead, then it is refused with the reason', () => {
    expect(partialDateProblem('1990-02-30', now)).toBe('is not a date in the calendar');
    expect(partialDateProblem('1990-13', now)).toBe('has no such month');
    expect(partialDateProblem('2027', now)).toBe('is in the future');
    expect(partialDateProblem('1900-01-01', now)).toBe('is more than 100 years ago');
    expect(partialDateProblem('1992-02-29', now)).toBeUndefined();
    expect(partialDateProblem('1990', now)).toBeUndefined();
  });

  it('when a country code is not ISO 3166, then the field naming it is reported', () => {
    const problems = nominationProblems(
      {
        ...valid,
        person: { ...valid.person, nationalities: ['GH', 'XX'], documents: [{ type: 'passport', number: 'P1', country: 'ZZ' }] },
      },
      now,
    );
    expect(problems.map((p) => p.field)).toEqual(['person/nationalities/1', 'person/documents/0/country']);
  });

  it('when consent is not given or dated in the future, then both are reported', () => {
    const problems = nominationProblems({ ...valid, consent: { ...valid.consent, given: false, signedAt: '2027-01-01T00:00:00Z' } }, now);
    expect(problems.map((p) => p.field)).toEqual(['consent/given', 'consent/signedAt']);
  });

  it('when a cell starts like a spreadsheet formula, then it is refused', () => {
    const problems = nominationProblems(
      { ...valid, person: { ...valid.person, names: [{ full: '=HYPERLINK("http://x")' }], rank: '@SUM(A1)' } },
      now,
    );
    expect(problems.map((p) => p.field)).toEqual(['person/names/0/full', 'person/rank']);
  });

  it('when a report cell would run as a formula, then it is prefixed with an apostrophe and quoted', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
  });
});

const blind = (v: string) => createHmac('sha256', 'test-key').update(v).digest('hex').slice(0, 16);

describe('dedupe keys', () => {
  it('when names differ only by case, accents, punctuation or order, then they normalise alike', () => {
    expect(normaliseName('MENSAH, Kwamé')).toBe(normaliseName('kwame mensah'));
  });

  it('when a document number matches, then it wins over a name match with another candidate', () => {
    const keys = dedupeKeys(
      'GH|M|R1',
      { names: [{ full: 'Kwame Mensah' }], dateOfBirth: '1990', serviceNumber: 'ga-1', documents: [{ type: 'passport', number: 'P 123' }] },
      blind,
    );
    const owners = new Map([
      [keys.find((k) => k.kind === 'name-and-date-of-birth')!.key, 'by-name'],
      [keys.find((k) => k.kind === 'document-number')!.key, 'by-document'],
    ]);
    expect(findExisting(keys, (k) => owners.get(k))).toEqual({ candidateId: 'by-document', matchedOn: 'document-number' });
    expect(findExisting(keys, (k) => owners.get(k), 'by-document')).toEqual({
      candidateId: 'by-name',
      matchedOn: 'name-and-date-of-birth',
    });
  });

  it('when keys are made, then no document number, service number or name appears in them, and spacing does not make another person', () => {
    const person = {
      names: [{ full: 'Kwame Mensah' }],
      dateOfBirth: '1990-01-02',
      serviceNumber: 'GA-777',
      documents: [{ type: 'passport' as const, number: 'P 123456' }],
    };
    const keys = dedupeKeys('GH|M|R1', person, blind)
      .map((k) => k.key)
      .join(' ');
    for (const secret of ['123456', 'GA777', 'GA-777', 'kwame', 'mensah', '1990'])
      expect(keys.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(dedupeKeys('GH|M|R1', { ...person, documents: [{ type: 'passport', number: 'p123-456' }] }, blind)[0]).toEqual(
      dedupeKeys('GH|M|R1', person, blind)[0],
    );
  });

  it('when the same person is nominated for another rotation, then the keys differ', () => {
    const person = { names: [{ full: 'A B' }], serviceNumber: 'S1' };
    expect(dedupeKeys('GH|M|R1', person, blind)[0]!.key).not.toBe(dedupeKeys('GH|M|R2', person, blind)[0]!.key);
  });
});
