import { describe, expect, it } from 'vitest';
import { en } from './i18n/en';
import { fr } from './i18n/fr';
import { format, textOr, translator } from './i18n/i18n';
import { match } from './app/router';
import { SCREENS, allowed } from './app/screens';
import { refereeToken } from './screens/referee.screen';
import { figureName } from './screens/statistics.screen';
import { reasonText } from './components/explanation';

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

describe('match explanations', () => {
  it('when a reason has a message key, then it is worded in the reader’s language, with document kinds translated', () => {
    const dob = {
      feature: 'dob',
      contribution: 0.1,
      detail: 'date of birth 1979 agrees exactly with listed 1979',
      reasons: [{ key: 'dob.agrees-exactly', values: { query: '1979-04-12', listed: '1979-04-12' } }, { key: 'gate.counted-in-part' }],
    };
    expect(reasonText(translator('fr'), dob)).toBe(
      'la date de naissance 1979-04-12 concorde exactement avec la date inscrite 1979-04-12; pris en compte en partie : les noms diffèrent quelque peu',
    );
    const passport = {
      feature: 'documents',
      contribution: 1,
      detail: 'x',
      reasons: [{ key: 'documents.identical', values: { kind: 'passport', number: 'AB123456' } }],
    };
    expect(reasonText(translator('fr'), passport)).toBe('passeport AB123456 identique');
  });
  it('when a screening predates reason keys or a key is new, then the engine’s English sentence is shown', () => {
    expect(reasonText(translator('fr'), { feature: 'dob', contribution: 0.1, detail: 'date of birth 1979 agrees' })).toBe(
      'date of birth 1979 agrees',
    );
    expect(
      reasonText(translator('fr'), { feature: 'dob', contribution: 0.1, detail: 'english', reasons: [{ key: 'dob.something-new' }] }),
    ).toBe('english');
  });
});

describe('policy comparison', () => {
  it('when a policy is flattened, then each rule is a path with a readable value, lists joined', async () => {
    const { flatten } = await import('./components/policy/policy-compare');
    expect(
      Object.fromEntries(
        flatten({ requiredChecks: { civilian: ['un-records', 'national-criminal-record'], staff: [] }, validity: { months: 12 } }),
      ),
    ).toEqual({
      'requiredChecks/civilian': 'un-records, national-criminal-record',
      'requiredChecks/staff': '—',
      'validity/months': '12',
    });
  });
});

describe('findings', () => {
  it('when a finding has a known key, then its reason is worded in the reader’s language; otherwise the service’s reason is shown', async () => {
    const { findingText } = await import('./components/case/case-findings');
    const fr = translator('fr');
    expect(
      findingText(fr, {
        key: 'referee:c-1.1.misconduct-disclosure.1:left-during-investigation',
        action: 'adjudicate',
        reason: 'x',
        adverse: true,
      }),
    ).toBe('Un ancien employeur signale que la personne est partie pendant une enquête.');
    expect(findingText(fr, { key: 'missing:national-criminal-record', action: 'adjudicate', reason: 'x', adverse: false })).toBe(
      'La vérification exigée « Casier judiciaire national » n’a pas de résultat.',
    );
    expect(findingText(fr, { key: 'left-pending-allegation:un-bar/BAR-1', action: 'adjudicate', reason: 'x', adverse: true })).toMatch(
      /^L’entrée un-bar\/BAR-1 /,
    );
    expect(findingText(fr, { key: 'something-new:1', action: 'adjudicate', reason: 'A new kind of finding', adverse: true })).toBe(
      'A new kind of finding',
    );
  });
});
