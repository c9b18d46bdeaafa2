import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { fr } from './i18n/fr';
import { format, textOr, translator } from './i18n/i18n';
import { match } from './app/router';
import { SCREENS, allowed } from './app/screens';
import { refereeToken } from './screens/referee.screen';
import { figureName } from './screens/statistics.screen';

describe('messages', () => {
  it('when a message has placeholders, then they are filled and an unknown one stays visible', () => {
    expect(format('Case {ref} of {who}', { ref: 'GH-1' })).toBe('Case GH-1 of {who}');
  });
  it('when the catalogues are compared, then English and French have exactly the same keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fr)]) expect(text.trim(), key).not.toBe('');
  });
  it('when a statistics figure is known, then its name is translated, and an unknown one shows its key', () => {
    expect(figureName(translator('fr'), 'falsePositives')).toBe('Faux positifs');
    expect(figureName(translator('en'), 'somethingNew')).toBe('somethingNew');
    expect(textOr(translator('fr'), 'status.awaiting-countersignature', 'x')).toBe('En attente de contre-signature');
  });
  it('when the language is French, then every English key has a French text with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(names(fr[key]), key).toEqual(names(en[key]));
    }
    expect(translator('fr')('nav.review')).toBe("File d'examen");
  });
});

describe('routes and roles', () => {
  it('when a path has parameters, then they are decoded, and other paths do not match', () => {
    expect(match('/review/:screeningId', '/review/s%3A1')).toEqual({ screeningId: 's:1' });
    expect(match('/review/:screeningId', '/review')).toBeNull();
  });
  it('when a TCC officer signs in, then they can reach office screens and no screening hits', () => {
    const officer = SCREENS.filter((s) => allowed(s, ['tcc-officer'])).map((s) => s.path);
    expect(officer).toContain('/nominate');
    expect(officer).not.toContain('/review');
    expect(officer).not.toContain('/check');
  });
});

describe('referee link', () => {
  it('when a whole link or just the code is pasted, then the token is the same', () => {
    expect(refereeToken(' https://x.org/api/references/referee/abc_123?x=1 ')).toBe('abc_123');
    expect(refereeToken('abc_123')).toBe('abc_123');
  });
});
