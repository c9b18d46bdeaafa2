import { describe, expect, it } from 'vitest';
import type { InputChange } from '../domain/case-inputs';
import { caseWith, inputs } from '../testing/fixtures';
import { checkChangesNothing } from './record-input.use-case';

const check = (checkId: string, result: 'no-adverse' | 'adverse'): InputChange => ({
  kind: 'check',
  value: { checkId, checkType: 'misconduct-disclosure', result },
});

describe('a check result judged on the remembered case', () => {
  it('when the remembered case has no reference set yet, then the result changes nothing (the set’s completion carries it)', () => {
    const { references: _none, ...withoutSet } = inputs();
    expect(checkChangesNothing(caseWith(withoutSet), check('k1', 'adverse'))).toBe(true);
  });

  it('when the remembered set holds the same result, then it changes nothing; a result it does not hold, or holds otherwise, changes the case', () => {
    const remembered = caseWith(inputs({ checks: [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'no-adverse' }] }));
    expect(checkChangesNothing(remembered, check('k1', 'no-adverse'))).toBe(true);
    expect(checkChangesNothing(remembered, check('k1', 'adverse'))).toBe(false);
    expect(checkChangesNothing(remembered, check('k2', 'no-adverse'))).toBe(false);
  });

  it('when this instance remembers no case, or the change is no check result, then it is never judged without a read', () => {
    expect(checkChangesNothing(undefined, check('k1', 'no-adverse'))).toBe(false);
    const remembered = caseWith(inputs());
    expect(checkChangesNothing(remembered, { kind: 'references', value: remembered.inputs.references! })).toBe(false);
  });
});
