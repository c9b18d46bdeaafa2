import { describe, expect, it } from 'vitest';
import { applyPolicy, DEFAULT_POLICY, type ScreeningInput } from './clearance-policy';

const screening = (outcome: ScreeningInput['outcome']): ScreeningInput => ({ screeningId: 's1', revision: 1, outcome, listVersions: [] });
const now = new Date('2026-01-15T00:00:00Z');

describe('clearance policy', () => {
  it('when screening is clear and no checks are required, then the candidate is cleared for the policy validity', () => {
    const decision = applyPolicy(DEFAULT_POLICY, screening('clear'), { revision: 1, checks: [] }, now);
    expect(decision.outcome).toBe('cleared');
    expect(decision.validUntil).toBe('2027-01-15T00:00:00.000Z');
  });

  it('when screening found a possible or decisive match, then a person must decide (never an automatic refusal)', () => {
    for (const outcome of ['possible-match', 'match'] as const) {
      const decision = applyPolicy(DEFAULT_POLICY, screening(outcome), { revision: 1, checks: [] }, now);
      expect(decision.outcome).toBe('pending-review');
      expect(decision.reasons.join(' ')).toMatch(/screening officer/);
    }
  });

  it('when a check is adverse or unanswered, then the decision goes to adjudication with the reason', () => {
    const decision = applyPolicy(DEFAULT_POLICY, screening('clear'), {
      revision: 1,
      checks: [
        { checkType: 'misconduct-disclosure', result: 'adverse' },
        { checkType: 'national-criminal-record', result: 'no-response' },
      ],
    }, now);
    expect(decision.outcome).toBe('pending-review');
    expect(decision.reasons).toHaveLength(2);
  });
});
