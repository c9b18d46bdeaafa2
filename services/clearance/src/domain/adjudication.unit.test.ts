import { describe, expect, it } from 'vitest';
import type { AppError } from '@vetting/platform';
import { countersignAdjudication, proposeAdjudication } from './adjudication';
import { at, caseWith, inputs, notice, policy, seqId } from '../testing/fixtures';
import { reconsiderCase } from './reconsider-case';

const adverse = () =>
  reconsiderCase(
    caseWith(inputs({ checks: [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'adverse' }] })),
    policy(),
    at,
    seqId,
  ).next;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return `${(e as AppError).status} ${(e as AppError).code}`;
  }
  return 'no error';
};

describe('adjudication with four eyes', () => {
  it('when an adjudicator clears despite adverse information, then it waits for a second officer, who decides it', () => {
    const { next, proposal } = proposeAdjudication(
      adverse(),
      'officer-a',
      { outcome: 'cleared', reasons: ['employer confused two people'], overrideReason: 'identity mismatch verified' },
      policy(),
      at,
      seqId,
    );
    expect(next.status).toBe('awaiting-countersignature');
    const done = countersignAdjudication(
      next,
      'officer-b',
      { proposalId: proposal!.proposalId, approve: true, reason: 'checked the employer letter' },
      policy(),
      at,
      seqId,
    );
    expect(done.next.status).toBe('cleared');
    expect(done.decision).toMatchObject({
      kind: 'adjudicated',
      decidedBy: 'officer-a',
      countersignedBy: 'officer-b',
      overrideReason: 'identity mismatch verified',
      validUntil: '2027-03-01T10:00:00.000Z',
    });
  });

  it('when the proposing officer countersigns, then it is refused (403)', () => {
    const { next, proposal } = proposeAdjudication(
      adverse(),
      'officer-a',
      { outcome: 'cleared', reasons: ['x'], overrideReason: 'y' },
      policy(),
      at,
      seqId,
    );
    expect(
      code(() =>
        countersignAdjudication(next, 'officer-a', { proposalId: proposal!.proposalId, approve: true, reason: 'me' }, policy(), at),
      ),
    ).toBe('403 CLEARANCE.SAME_OFFICER');
  });

  it('when the inputs changed after the proposal, then the countersignature is refused (409)', () => {
    const { next, proposal } = proposeAdjudication(
      adverse(),
      'officer-a',
      { outcome: 'cleared', reasons: ['x'], overrideReason: 'y' },
      policy(),
      at,
      seqId,
    );
    const changed = { ...next, inputsVersion: next.inputsVersion + 1 };
    expect(
      code(() =>
        countersignAdjudication(changed, 'officer-b', { proposalId: proposal!.proposalId, approve: true, reason: 'ok' }, policy(), at),
      ),
    ).toBe('409 CLEARANCE.INPUTS_CHANGED');
  });

  it('when an override has no written reason, then it is refused naming the field', () => {
    const err = (() => {
      try {
        proposeAdjudication(adverse(), 'officer-a', { outcome: 'cleared', reasons: ['x'] }, policy(), at);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.errors[0]?.field).toBe('body/overrideReason');
  });

  it('when a refusal comes before any notice, or before the candidate answered a notice and its deadline passed, then it is refused until one holds', () => {
    const c = adverse();
    const findings = c.decisions.at(-1)!.findings;
    const refuse = (x: typeof c, when = at) =>
      proposeAdjudication(x, 'officer-a', { outcome: 'not-cleared', reasons: ['adverse finding stands'] }, policy(), when, seqId);
    expect(code(() => refuse(c))).toBe('409 CLEARANCE.NOTICE_REQUIRED');
    const noticed = { ...c, inputs: { ...c.inputs, notices: [notice(findings)] } };
    expect(code(() => refuse(noticed))).toBe('409 CLEARANCE.RESPONSE_PENDING');
    const afterDeadline = refuse(noticed, new Date(at.getTime() + 15 * 86_400_000)).decision;
    expect(afterDeadline).toMatchObject({ outcome: 'not-cleared', kind: 'adjudicated', decidedBy: 'officer-a' });
    const responded = {
      ...noticed,
      inputs: {
        ...noticed.inputs,
        candidateResponses: [
          { responseId: 'r1', noticeId: 'n1', sealedSummary: 'x', declined: false, receivedAt: at.toISOString(), recordedBy: 'officer-a' },
        ],
      },
    };
    const { decision } = refuse(responded);
    expect(decision).toMatchObject({ outcome: 'not-cleared', kind: 'adjudicated' });
    expect(decision?.countersignedBy).toBeUndefined();
  });

  it('when a finding arrived after the notice, then the notice does not cover it and a refusal needs a new notice', () => {
    const c = adverse();
    const old = { ...c, inputs: { ...c.inputs, notices: [notice(['check:un-records:kx:adverse'])] } };
    const later = new Date(at.getTime() + 30 * 86_400_000);
    expect(code(() => proposeAdjudication(old, 'officer-a', { outcome: 'not-cleared', reasons: ['x'] }, policy(), later))).toBe(
      '409 CLEARANCE.NOTICE_REQUIRED',
    );
  });

  it('when the case is not for an adjudicator, then a proposal is refused (409)', () => {
    const clean = reconsiderCase(caseWith(inputs()), policy(), at, seqId).next;
    expect(code(() => proposeAdjudication(clean, 'officer-a', { outcome: 'not-cleared', reasons: ['x'] }, policy(), at))).toBe(
      '409 CLEARANCE.NOT_AWAITING_ADJUDICATION',
    );
  });

  it('when the second officer rejects the override, then the case returns to the queue and the rejection is kept', () => {
    const { next, proposal } = proposeAdjudication(
      adverse(),
      'officer-a',
      { outcome: 'cleared', reasons: ['x'], overrideReason: 'y' },
      policy(),
      at,
      seqId,
    );
    const r = countersignAdjudication(
      next,
      'officer-b',
      { proposalId: proposal!.proposalId, approve: false, reason: 'not convinced' },
      policy(),
      at,
      seqId,
    );
    expect(r.next.status).toBe('awaiting-adjudication');
    expect(r.next.rejectedProposals[0]).toMatchObject({ rejectedBy: 'officer-b', rejectionReason: 'not convinced' });
  });
});
