import { describe, expect, it } from 'vitest';
import { at, inputs, policy, possibleHit } from '../testing/fixtures';
import { evaluatePolicy } from './evaluate-policy';

const keys = (ev: ReturnType<typeof evaluatePolicy>) => ev.findings.map((f) => f.key);

describe('clearance policy evaluation', () => {
  it('when screening is clear and every required check is clean, then the candidate is cleared for the policy validity', () => {
    const ev = evaluatePolicy(policy(), inputs(), at);
    expect(ev).toMatchObject({ route: 'automatic', outcome: 'cleared', validUntil: '2027-03-01T10:00:00.000Z', findings: [] });
  });

  it('when the rotation ends before N months, then the clearance holds until the rotation’s end', () => {
    const p = policy({ validity: { months: 12, rotationEnds: [{ mission: 'MINUSCA', rotation: 'R1', endsOn: '2026-09-30' }] } });
    expect(evaluatePolicy(p, inputs(), at).validUntil).toBe('2026-09-30T23:59:59.999Z');
  });

  it('when a correction dropped a prior employer whose disclosure request was still held, then an adjudicator sees it, named, and nothing clears automatically', () => {
    const dropped = { ...inputs(), droppedRequests: [{ checkId: 'c1.1.misconduct-disclosure.1', revision: 1, byRevision: 2 }] };
    const ev = evaluatePolicy(policy(), dropped, at);
    expect(ev).toMatchObject({ route: 'adjudication', outcome: 'pending-review' });
    expect(keys(ev)).toEqual(['dropped-employer:c1.1.misconduct-disclosure.1']);
    expect(ev.findings[0]).toMatchObject({ action: 'adjudicate', adverse: false });
    expect(ev.reasons[0]).toMatch(/correction of the nomination \(revision 2\) removed a prior employer/);
  });

  it('when a possible match is unresolved, then a screening officer must review it', () => {
    for (const i of [inputs({ outcome: 'possible-match', hits: [possibleHit()] }), inputs({ outcome: 'match' })])
      expect(evaluatePolicy(policy(), i, at)).toMatchObject({ route: 'screening-review', outcome: 'pending-review' });
  });

  it('when every hit was resolved as a false positive, then the candidate is cleared', () => {
    expect(evaluatePolicy(policy(), inputs({ hits: [possibleHit('e1', 'false-positive')] }), at).outcome).toBe('cleared');
  });

  it('when a screening officer confirmed the match, then an adjudicator decides, even under a stored policy that said not-cleared', () => {
    const i = inputs({ outcome: 'match', hits: [possibleHit('e1', 'confirmed', 'barred')] });
    const legacy = policy({ onConfirmedMatch: 'not-cleared' as never, onNoResponse: 'not-cleared' as never });
    for (const p of [policy(), legacy])
      expect(evaluatePolicy(p, i, at)).toMatchObject({ route: 'adjudication', outcome: 'pending-review', recommendation: 'not-cleared' });
    expect(evaluatePolicy(policy(), i, at).reasons[0]).toMatch(/confirmed a ban-list match \(barred from future UN service\)/);
  });

  it('when the confirmed entry left UN service while an allegation was pending, then that is a finding of its own for an adjudicator', () => {
    const ev = evaluatePolicy(
      policy(),
      inputs({ outcome: 'match', hits: [possibleHit('e4', 'confirmed', 'left-pending-allegation')] }),
      at,
    );
    expect(ev.route).toBe('adjudication');
    expect(ev.findings).toEqual([
      {
        key: 'left-pending-allegation:un-sea/e4',
        action: 'adjudicate',
        adverse: true,
        reason: expect.stringMatching(/left UN service while an allegation against them was pending/),
      },
    ]);
  });

  it('when a check had no response or failed, then an adjudicator decides: never an automatic refusal', () => {
    for (const result of ['no-response', 'failed'] as const) {
      const ev = evaluatePolicy(
        policy({ onNoResponse: 'not-cleared' as never, onFailedCheck: 'not-cleared' as never }),
        inputs({ checks: [{ checkId: 'k2', checkType: 'un-records', result }] }),
        at,
      );
      expect(ev).toMatchObject({ route: 'adjudication', outcome: 'pending-review' });
      expect(keys(ev)).toEqual([`check:un-records:k2:${result}`]);
    }
  });

  it('when a required record check has no result, then the case goes to a person naming the check', () => {
    const ev = evaluatePolicy(policy(), inputs({ onlyChecks: [{ checkId: 'k-un', checkType: 'un-records', result: 'no-adverse' }] }), at);
    expect(ev.route).toBe('adjudication');
    expect(keys(ev)).toEqual(['missing:disciplinary-record', 'missing:national-criminal-record']);
  });

  it('when the history lists two civilian employers of the window but one disclosure came back, then the missing one goes to a person', () => {
    const service = { from: '2023-07', nationalService: true };
    const employment = {
      periods: [{ from: '2019-01', to: '2023-06' }, service, { from: '2010', to: '2015' }],
      declaredNoOtherEmployer: false,
    };
    const one = [{ checkId: 'd1', checkType: 'misconduct-disclosure', result: 'no-adverse' as const }];
    const ev = evaluatePolicy(policy(), inputs({ employment, checks: one }), at);
    expect(ev.route).toBe('automatic');
    const two = { ...employment, periods: [{ from: '2019-01', to: '2021-06' }, { from: '2021-07', to: '2023-06' }, service] };
    const missing = evaluatePolicy(policy(), inputs({ employment: two, checks: one }), at);
    expect(missing.findings).toEqual([
      expect.objectContaining({ key: 'missing:misconduct-disclosure', reason: expect.stringMatching(/1 of the 2 result/) }),
    ]);
  });

  it('when a nomination holds no employment information, then the disclosures it needs are unknown and a person decides', () => {
    expect(keys(evaluatePolicy(policy(), inputs({ employment: null }), at))).toEqual(['employment:unknown']);
  });

  it('when a referee reports leaving during an investigation, or answers from an unverified contact, then each is a named finding', () => {
    const employment = { periods: [{ from: '2015' }], declaredNoOtherEmployer: false };
    const left = {
      checkId: 'd1',
      checkType: 'misconduct-disclosure',
      result: 'adverse' as const,
      findings: ['left-during-investigation' as const],
    };
    const ev = evaluatePolicy(policy(), inputs({ employment, checks: [left] }), at);
    expect(ev.findings).toEqual([
      expect.objectContaining({
        key: 'referee:d1:left-during-investigation',
        adverse: true,
        reason: expect.stringMatching(/left while an investigation/),
      }),
    ]);
    const unverified = {
      checkId: 'd1',
      checkType: 'misconduct-disclosure',
      result: 'no-adverse' as const,
      findings: ['unverified-responder' as const],
    };
    const ev2 = evaluatePolicy(policy(), inputs({ employment, checks: [unverified] }), at);
    expect(ev2).toMatchObject({ route: 'adjudication' });
    expect(ev2.findings).toEqual([
      expect.objectContaining({
        key: 'referee:d1:unverified-responder',
        adverse: false,
        reason: expect.stringMatching(/outside the employer’s verified contacts/),
      }),
    ]);
  });

  it('when the candidate declared a past allegation or investigation, then it is a named finding for an adjudicator', () => {
    const ev = evaluatePolicy(policy(), inputs({ declared: ['misconductAllegation'] }), at);
    expect(ev.route).toBe('adjudication');
    expect(ev.findings).toEqual([
      expect.objectContaining({
        key: 'self-declaration:misconductAllegation',
        adverse: true,
        reason: expect.stringMatching(/past allegation or investigation/),
      }),
    ]);
  });
});
