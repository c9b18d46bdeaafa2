import { describe, expect, it } from 'vitest';
import { policyProblems } from './policy-problems';
import { BUILT_IN_RULES } from './vetting-policy';

const rules = (over: Record<string, unknown> = {}) => ({ ...BUILT_IN_RULES, ...over }) as Record<string, unknown>;

describe('policy rules no version may break', () => {
  it('when the built-in rules are checked, then there is no problem', () => {
    expect(policyProblems(rules())).toEqual([]);
  });

  it('when a policy turns a check without response into not-cleared, then the problem names the rule and why', () => {
    const problems = policyProblems(rules({ onNoResponse: 'not-cleared' }));
    expect(problems).toEqual([{ field: 'onNoResponse', reason: expect.stringMatching(/must be adjudicate.*without a person.*absence of information/) }]);
  });

  it('when a policy refuses confirmed matches or failed checks automatically, or drops the candidate’s response, then each is named', () => {
    const fields = policyProblems(rules({ onConfirmedMatch: 'not-cleared', onFailedCheck: 'not-cleared', candidateResponseBeforeRefusal: false })).map((p) => p.field);
    expect(fields).toEqual(['onConfirmedMatch', 'onFailedCheck', 'candidateResponseBeforeRefusal']);
  });

  it('when a category is missing, requires nothing, or drops a floor check, then the category is named with what it needs', () => {
    const required = { ...BUILT_IN_RULES.requiredChecks, civilian: ['national-criminal-record'], 'military-contingent': ['misconduct-disclosure', 'un-records'] } as Record<string, unknown>;
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
    expect(policyProblems(rules({ requiredChecks: required })).map((p) => p.reason)).toEqual([expect.stringMatching(/cannot run: horoscope/), 'lists a check twice']);
  });
});
