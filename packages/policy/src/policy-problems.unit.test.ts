import { describe, expect, it } from 'vitest';
import { policyProblems } from './policy-problems';
import { BUILT_IN_RULES, defaultRevetting, revettingMonths } from './vetting-policy';

const rules = (over: Record<string, unknown> = {}) => ({ ...BUILT_IN_RULES, ...over }) as Record<string, unknown>;

describe('policy rules no version may break', () => {
  it('when the built-in rules are checked, then there is no problem', () => {
    expect(policyProblems(rules())).toEqual([]);
  });

  it('when a policy turns a check without response into not-cleared, then the problem names the rule and why', () => {
    const problems = policyProblems(rules({ onNoResponse: 'not-cleared' }));
    expect(problems).toEqual([
      { field: 'onNoResponse', reason: expect.stringMatching(/must be adjudicate.*without a person.*absence of information/) },
    ]);
  });

  it('when a policy refuses confirmed matches or failed checks automatically, or drops the candidate’s response, then each is named', () => {
    const fields = policyProblems(
      rules({ onConfirmedMatch: 'not-cleared', onFailedCheck: 'not-cleared', candidateResponseBeforeRefusal: false }),
    ).map((p) => p.field);
    expect(fields).toEqual(['onConfirmedMatch', 'onFailedCheck', 'candidateResponseBeforeRefusal']);
  });

  it('when a category is missing, requires nothing, or drops a floor check, then the category is named with what it needs', () => {
    const required = {
      ...BUILT_IN_RULES.requiredChecks,
      civilian: ['national-criminal-record'],
      'military-contingent': ['misconduct-disclosure', 'un-records'],
    } as Record<string, unknown>;
    delete required['staff-officer'];
    const problems = policyProblems(rules({ requiredChecks: required }));
    expect(problems).toEqual([
      { field: 'requiredChecks/military-contingent', reason: expect.stringMatching(/must include disciplinary-record/) },
      { field: 'requiredChecks/staff-officer', reason: expect.stringMatching(/is required/) },
      { field: 'requiredChecks/civilian', reason: expect.stringMatching(/must include misconduct-disclosure, un-records/) },
    ]);
  });

  it('when a category names a check the platform cannot run or lists one twice, then both are named', () => {
    const required = { ...BUILT_IN_RULES.requiredChecks, civilian: ['un-records', 'misconduct-disclosure', 'horoscope', 'un-records'] };
    expect(policyProblems(rules({ requiredChecks: required })).map((p) => p.reason)).toEqual([
      expect.stringMatching(/cannot run: horoscope/),
      'lists a check twice',
    ]);
  });
});

describe('re-vetting intervals', () => {
  it('when an interval is not a whole number of months, or not shorter than the validity, then its field is named', () => {
    const problems = policyProblems(
      rules({
        revetting: { civilian: { everyMonths: 0 }, 'staff-officer': { everyMonths: 2.5 }, 'military-contingent': { everyMonths: 12 } },
      }),
    );
    expect(problems).toEqual([
      { field: 'revetting/civilian/everyMonths', reason: expect.stringMatching(/whole number of months/) },
      { field: 'revetting/staff-officer/everyMonths', reason: expect.stringMatching(/whole number of months/) },
      { field: 'revetting/military-contingent/everyMonths', reason: expect.stringMatching(/shorter than validity\/months \(12\)/) },
    ]);
  });

  it('when a rule names an unknown category, then the category is named; a policy without rules for one is valid', () => {
    expect(policyProblems(rules({ revetting: { astronaut: { everyMonths: 3 } } })).map((p) => p.field)).toEqual(['revetting/astronaut']);
    expect(policyProblems(rules({ revetting: { civilian: { everyMonths: 6 } } }))).toEqual([]);
  });

  it('when the built-in re-vetting is derived from a validity, then each category opens a month before it ends', () => {
    expect(defaultRevetting(12).civilian).toEqual({ everyMonths: 11 });
    expect(defaultRevetting(1)).toEqual({});
    expect(revettingMonths(BUILT_IN_RULES, 'staff-officer')).toBe(11);
  });
});
