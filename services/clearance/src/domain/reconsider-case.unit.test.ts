import { describe, expect, it } from 'vitest';
import { applyInputChange } from './case-inputs';
import { at, caseWith, inputs, policy, possibleHit, seqId } from '../testing/fixtures';
import { expireCase, reconsiderCase, withdrawCase } from './reconsider-case';

const later = new Date('2026-06-01T00:00:00.000Z');

function cleared() {
  const { next } = reconsiderCase(caseWith(inputs()), policy(), at, seqId);
  return next;
}

describe('reconsidering a case when its inputs change', () => {
  it('when every input is there and clean, then the policy clears it and the decision records inputs and policy version', () => {
    const { next, decision } = reconsiderCase(caseWith(inputs()), policy({ version: 4 }), at, seqId);
    expect(next.status).toBe('cleared');
    expect(next.validUntil).toBe('2027-03-01T10:00:00.000Z');
    expect(decision).toMatchObject({ outcome: 'cleared', kind: 'automatic', policyVersion: 4, decidedBy: 'policy', inputsVersion: 3 });
    expect(decision?.inputs.screening?.listVersions).toEqual([{ listId: 'un-sea', version: 3, contentHash: 'h3' }]);
  });

  it('when the nomination is not known yet, then nothing is decided', () => {
    const { nomination: _n, ...rest } = inputs();
    expect(reconsiderCase(caseWith(rest), policy(), at, seqId).decision).toBeUndefined();
  });

  it('when a cleared person’s re-screen finds a new possible match, then the clearance is revoked and flagged, and review is pending', () => {
    const i = applyInputChange(cleared().inputs, {
      kind: 'screening',
      value: { ...inputs().screening!, screeningId: 's-re', outcome: 'possible-match', trigger: 'rescreen', hits: [possibleHit('e9')] },
    })!;
    const c = { ...cleared(), inputs: i };
    const { next, decision, revocation } = reconsiderCase(c, policy(), later, seqId);
    expect(revocation?.flag).toMatchObject({ kind: 'clearance-revoked', reason: 'a new screening found a possible ban-list match' });
    expect(revocation?.revoked.outcome).toBe('cleared');
    expect(decision?.outcome).toBe('pending-review');
    expect(next).toMatchObject({ status: 'awaiting-screening-review', flagged: true });
    expect(next.validUntil).toBeUndefined();
  });

  it('when a late check returns adverse information on a cleared person, then the clearance is revoked and goes to an adjudicator', () => {
    const c = cleared();
    const i = applyInputChange(c.inputs, {
      kind: 'check',
      value: { checkId: 'k7', checkType: 'misconduct-disclosure', result: 'adverse' },
    })!;
    const { next, revocation } = reconsiderCase({ ...c, inputs: i }, policy(), later, seqId);
    expect(revocation?.flag.reason).toMatch(/late reference/);
    expect(next.status).toBe('awaiting-adjudication');
  });

  it('when a clean re-screen arrives for a cleared person, then nothing new is decided (validity is not extended)', () => {
    const c = cleared();
    const i = applyInputChange(c.inputs, {
      kind: 'screening',
      value: { ...inputs().screening!, screeningId: 's-re2', trigger: 'rescreen' },
    })!;
    const r = reconsiderCase({ ...c, inputs: i }, policy(), later, seqId);
    expect(r.decision).toBeUndefined();
    expect(r.next.validUntil).toBe(c.validUntil);
  });

  it('when a person cleared by adjudication despite a finding gets the same finding again, then the clearance stands', () => {
    const adverse = inputs({ checks: [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'adverse' }] });
    const decision = {
      ...reconsiderCase(caseWith(adverse), policy(), at, seqId).decision!,
      outcome: 'cleared' as const,
      kind: 'adjudicated' as const,
      validUntil: '2027-01-01T00:00:00.000Z',
    };
    const c = caseWith(adverse, { status: 'cleared', decisions: [decision], validUntil: decision.validUntil });
    const i = applyInputChange(adverse, { kind: 'screening', value: { ...adverse.screening!, screeningId: 's-re3' } })!;
    expect(reconsiderCase({ ...c, inputs: i }, policy(), later, seqId).revocation).toBeUndefined();
  });

  it('when a clearance’s end has passed, then it expires once', () => {
    const c = cleared();
    expect(expireCase(c, later)).toBeUndefined();
    const due = expireCase(c, new Date('2027-03-01T10:00:00.000Z'));
    expect(due?.next.status).toBe('expired');
    expect(expireCase(due!.next, new Date('2028-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('when the nomination is withdrawn, then nothing more is decided', () => {
    const w = withdrawCase(caseWith(inputs()), 'left the service', at)!;
    expect(reconsiderCase(w, policy(), at, seqId).decision).toBeUndefined();
    expect(withdrawCase(w, 'again', at)).toBeUndefined();
  });
});
