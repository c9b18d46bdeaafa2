import { describe, expect, it } from 'vitest';
import { normaliseDocumentNumber } from './document-normaliser';
import { normaliseName } from './name-normaliser';
import { variantKey } from './romanisation-variants';

const texts = (raw: string) => normaliseName(raw).words.map((w) => w.text);

describe('normaliseName', () => {
  it('when a name is written "SURNAME, Given", then it is read as "Given Surname"', () => {
    expect(texts('VLADIMIROV, Vladimir Vladimirovich')).toEqual(['vladimir', 'vladimirovich', 'vladimirov']);
  });

  it('when a name carries ranks and honorifics, then they are dropped and reported', () => {
    const n = normaliseName('Col. Dr. Haji Ahmed Sheikh Khan');
    expect(n.words.map((w) => w.text)).toEqual(['ahmed', 'khan']);
    expect(n.dropped).toEqual(['col', 'dr', 'haji', 'sheikh']);
  });

  it('when particles are attached with hyphens, then they are dropped and bin marks a patronymic', () => {
    const n = normaliseName('Abdullah bin Yusuf al-Baghdadi');
    expect(n.words.map((w) => w.text)).toEqual(['abdullah', 'yusuf', 'baghdadi']);
    expect(n.words[1]!.patronymic).toBe(true);
  });

  it('when a name is only a particle, then the particle is kept', () => {
    expect(texts('Le')).toEqual(['le']);
  });

  it('when a name contains digits, then every digit survives, Arabic-Indic ones included', () => {
    expect(texts('Unit 0042-B')).toEqual(['unit', '0042', 'b']);
    expect(texts('محمد ١٩٧٥')).toEqual(['mhmd', '1975']);
  });

  it('when diacritics, apostrophes and full-width letters appear, then they fold to plain ASCII', () => {
    expect(texts("Şükrü O'Brien Ｊｏｓé")).toEqual(['sukru', 'obrien', 'jose']);
  });

  it('when Cyrillic or Greek is given, then it is transliterated to Latin', () => {
    expect(texts('Владимир Путин')).toEqual(['vladimir', 'putin']);
    expect(texts('Γιώργος Παπαδόπουλος')).toEqual(['giorgos', 'papadopoulos']);
  });

  it('when Arabic script is given, then words are flagged abjad and the article split off', () => {
    const n = normaliseName('محمد البغدادي');
    expect(n.words.map((w) => [w.text, w.abjad])).toEqual([
      ['mhmd', true],
      ['bghdadi', true],
    ]);
  });

  it('when "Abd al-" is glued to a name, then it splits like the spaced form', () => {
    expect(texts('Abdulrahman')).toEqual(texts('Abdul Rahman').map((w) => (w === 'abdul' ? 'abd' : w)));
    expect(texts('Abdurrahman')).toEqual(['abd', 'rahman']);
    expect(texts('Abdullah')).toEqual(['abdullah']);
  });

  it('when initials are written with dots, then each is a one-letter initial word', () => {
    const n = normaliseName('M.T. Anwari');
    expect(n.words.map((w) => [w.text, w.initial])).toEqual([
      ['m', true],
      ['t', true],
      ['anwari', false],
    ]);
  });
});

describe('variantKey', () => {
  it.each([
    ['mohammed', 'muhammad'],
    ['mohamed', 'mohamad'],
    ['youssef', 'yusuf'],
    ['hussein', 'husayn'],
    ['hussain', 'husain'],
    ['aleksandr', 'alexander'],
    ['smirnoff', 'smirnov'],
    ['yevgeniy', 'yevgeni'],
    ['khaled', 'khalid'],
    ['abdel', 'abdul'],
  ])('when %s and %s are romanisations of one name, then their keys are equal', (a, b) => {
    expect(variantKey(a)).toBe(variantKey(b));
  });

  it('when two different names are folded, then their keys differ', () => {
    expect(variantKey('hassan')).not.toBe(variantKey('hussein'));
    expect(variantKey('ivanov')).not.toBe(variantKey('petrov'));
  });
});

describe('normaliseDocumentNumber', () => {
  it('when a number is written with separators and lower case, then only letters and digits remain, all digits kept', () => {
    expect(normaliseDocumentNumber('a-123 456/7')).toBe('A1234567');
    expect(normaliseDocumentNumber('0012')).toBe('0012');
  });
});
