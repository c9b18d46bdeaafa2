import { describe, expect, it } from 'vitest';
import { parseOfacDateOfBirth, parseOfacRemarks } from './ofac-remarks.parser';

describe('parseOfacRemarks', () => {
  it('when remarks list the usual facts, then each lands in its field', () => {
    const r = parseOfacRemarks(
      'DOB 01 Jan 1960; alt. DOB 1961; POB Baghdad, Iraq; nationality Iraq; alt. citizen Jordan; Passport A123456 (Iraq); National ID No. 98765 (Jordan); Gender Male; Minister of Finance.',
    );
    expect(r).toEqual({
      datesOfBirth: ['1960-01-01', '1961'],
      placesOfBirth: ['Baghdad, Iraq'],
      nationalities: ['IQ', 'JO'],
      gender: 'male',
      documents: [
        { type: 'passport', number: 'A123456', country: 'IQ' },
        { type: 'national-id', number: '98765', country: 'JO' },
      ],
      weakAliases: [],
      unreadable: [],
    });
  });

  it('when a passport has issue and expiry dates, then they are not taken for the number', () => {
    expect(parseOfacRemarks('Passport G737411 (Tunisia) issued 24 Oct 1990 expires 20 Sep 1997').documents).toEqual([
      { type: 'passport', number: 'G737411', country: 'TN' },
    ]);
  });

  it('when the country of a document has a comma ("Korea, North"), then it is still mapped', () => {
    expect(parseOfacRemarks('Passport 563120630 (Korea, North) expires 20 Mar 2018').documents).toEqual([
      { type: 'passport', number: '563120630', country: 'KP' },
    ]);
  });

  it('when Cedula, D.N.I., C.U.R.P., SSN and military cards appear, then they become documents of the right type', () => {
    const r = parseOfacRemarks(
      'Cedula No. 6068015 (Colombia); D.N.I. 12345678 (Argentina); C.U.R.P. AAAA800101HDFXXX01 (Mexico); SSN 523-33-8386 (United States); Cartilla de Servicio Militar Nacional 123456 (Mexico)',
    );
    expect(r.documents.map((d) => d.type)).toEqual(['national-id', 'national-id', 'national-id', 'national-id', 'military-id']);
    expect(r.documents[4]).toEqual({ type: 'military-id', number: '123456', country: 'MX' });
  });

  it('when a sentence merely mentions a passport, then no document is invented', () => {
    expect(parseOfacRemarks('Passport and National ID were issued in Ulm, Germany').documents).toEqual([]);
  });

  it('when a.k.a.s hold apostrophes, then the whole quoted name is a weak alias', () => {
    expect(parseOfacRemarks("DOB 09 Feb 1951; a.k.a. 'ABU-'UMAR'; a.k.a. 'THE CHESS PLAYER'.").weakAliases).toEqual([
      "ABU-'UMAR",
      'THE CHESS PLAYER',
    ]);
  });

  it('when gender is Female, then it is female', () => {
    expect(parseOfacRemarks('Gender Female.').gender).toBe('female');
  });

  it('when a nationality names no country, then it is reported unreadable', () => {
    expect(parseOfacRemarks('nationality Atlantis').unreadable).toEqual(['nationality Atlantis']);
  });

  it('when an OFAC demonym or "possibly" is used, then it is still mapped', () => {
    expect(parseOfacRemarks('nationality possibly Palestinian; citizen Syria').nationalities).toEqual(['PS', 'SY']);
  });
});

describe('parseOfacDateOfBirth', () => {
  it.each([
    ['10 Dec 1948', ['1948-12-10']],
    ['Sep 1938', ['1938-09']],
    ['1946', ['1946']],
    ['circa 1951', ['1951']],
    ['circa 07 Jul 1966', ['1966']],
    ['1951 to 1953', ['1951', '1952', '1953']],
    ['01 Jan 1953 to 31 Dec 1954', ['1953', '1954']],
    ['Mar 1962 to Feb 1963', ['1962', '1963']],
    ['circa 1979-1982', ['1979', '1980', '1981', '1982']],
  ])('when the DOB is "%s", then it reads %j', (input, expected) => {
    expect(parseOfacDateOfBirth(input)).toEqual(expected);
  });

  it.each(['31 Feb 1960', 'sometime in 1960', '1960 to 1950'])('when the DOB is "%s", then it is unreadable', (input) => {
    expect(parseOfacDateOfBirth(input)).toBeUndefined();
  });
});
