import { describe, expect, it } from 'vitest';
import { at, inputs, policy, possibleHit } from './clearance.fixtures';
import { evaluatePolicy } from './evaluate-policy';

describe('clearance policy evaluation', () => {
  it('when screening is clear and no check is required, then the candidate is cleared for the policy validity', () => {
    const ev = evaluatePolicy(policy(), inputs(), at);
    expect(ev).toMatchObject({ route: 'automatic', outcome: 'cleared', validUntil: '2027-03-01T10:00:00.000Z', findings: [] });
  });

  it('when the rotation ends before N months, then the clearance holds until the rotation’s end', () => {
    const p = policy({ validity: { months: 12, rotationEnds: [{ mission: 'MINUSCA', rotation: 'R1', endsOn: '2026-09-30' }] } });
    expect(evaluatePolicy(p, inputs(), at).validUntil).toBe('2026-09-30T23:59:59.999Z');
  });

  it('when a possible match is unresolved, then a screening officer must review it (never an automatic refusal)', () => {
    for (const i of [inputs({ outcome: 'possible-match', hits: [possibleHit()] }), inputs({ outcome: 'match' })]) {
      const ev = evaluatePolicy(policy({ onConfirmedMatch: 'not-cleared', onNoResponse: 'not-cleared' }), i, at);
      expect(ev).toMatchObject({ route: 'screening-review', outcome: 'pending-review' });
    }
  });

  it('when every hit was resolved as a false positive, then the candidate is cleared', () => {
    const ev = evaluatePolicy(policy(), inputs({ outcome: 'clear', hits: [possibleHit('e1', 'false-positive')] }), at);
    expect(ev.outcome).toBe('cleared');
  });

  it('when a screening officer confirmed the match, then the policy decides: an adjudicator by default, not-cleared when configured', () => {
    const i = inputs({ outcome: 'match', hits: [possibleHit('e1', 'confirmed')] });
    expect(evaluatePolicy(policy(), i, at)).toMatchObject({ route: 'adjudication', recommendation: 'not-cleared' });
    expect(evaluatePolicy(policy({ onConfirmedMatch: 'not-cleared' }), i, at)).toMatchObject({ route: 'automatic', outcome: 'not-cleared' });
  });

  it('when a check is adverse, then an adjudicator decides, whatever the other rules say', () => {
    const ev = evaluatePolicy(policy(), inputs({ checks: [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'adverse' }] }), at);
    expect(ev).toMatchObject({ route: 'adjudication', outcome: 'pending-review', recommendation: 'not-cleared' });
    expect(ev.findings[0]).toMatchObject({ key: 'check:misconduct-disclosure:k1:adverse', adverse: true });
  });

  it('when a check had no response by its deadline, then the policy setting decides: adjudicate or not clear', () => {
    const i = inputs({ checks: [{ checkId: 'k2', checkType: 'national-criminal-record', result: 'no-response' }] });
    expect(evaluatePolicy(policy(), i, at).route).toBe('adjudication');
    expect(evaluatePolicy(policy({ onNoResponse: 'not-cleared' }), i, at)).toMatchObject({ route: 'automatic', outcome: 'not-cleared' });
  });

  it('when the category requires a check that has no result, then an adjudicator decides', () => {
    const p = policy({ requiredChecks: { 'military-contingent': ['misconduct-disclosure'] } });
    const ev = evaluatePolicy(p, inputs({ checks: [{ checkType: 'misconduct-disclosure', result: 'not-required' }] }), at);
    expect(ev).toMatchObject({ route: 'adjudication' });
    expect(ev.reasons[0]).toMatch(/requires has no result/);
    expect(evaluatePolicy(p, inputs({ checks: [{ checkType: 'misconduct-disclosure', result: 'no-adverse' }] }), at).outcome).toBe('cleared');
  });
});
