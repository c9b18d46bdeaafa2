import { describe, expect, it } from 'vitest';
import { attemptFailed, failed, newCheck, retried, type Check, type CheckState } from './check';
import { maySend, sendClaimed } from './send-claim';
import { checkWithdrawn, withdrawalTakesEffect } from './withdrawal';

const now = new Date('2026-11-27T10:00:00Z');
const later = new Date('2026-11-27T10:05:00Z');
const inState = (state: CheckState, round = 1): Check => ({
  ...newCheck(
    { checkId: 'c1.1.un-records.1', checkType: 'un-records', organisation: 'un', subject: { name: 'A' } },
    { setId: 'c1.1', candidateId: 'c1', country: 'GH', category: 'civilian', candidateRevision: 1, setChecks: ['c1.1.un-records.1'] },
    'sealed',
    now,
  ),
  state,
  round,
});

describe('the worker claims a request before it leaves, so a withdrawal and a send cannot both win', () => {
  it('when a queued request is claimed, then the attempt may go; a second claim of the same attempt changes nothing, a later attempt claims again', () => {
    const claimed = sendClaimed(inState('requested'), 1, 1, now)!;
    expect(claimed.sending).toEqual({ round: 1, attempt: 1, at: now.toISOString() });
    expect(maySend(claimed, 1)).toBe(true);
    expect(sendClaimed(claimed, 1, 1, later)).toBeUndefined();
    expect(sendClaimed(claimed, 1, 2, later)?.sending).toEqual({ round: 1, attempt: 2, at: later.toISOString() });
  });

  it('when the office withdrew first, then the claim is refused and nothing may be sent', () => {
    const withdrawn = checkWithdrawn(inState('requested'), now, 1)!;
    expect(withdrawn.state).toBe('withdrawn');
    expect(sendClaimed(withdrawn, 1, 1, later)).toBeUndefined();
    expect(maySend(withdrawn, 1)).toBe(false);
  });

  it('when a check is held, sent, answered or of another round, then it cannot be claimed', () => {
    for (const state of ['awaiting-contact', 'awaiting-answer', 'completed', 'failed', 'superseded'] as const)
      expect(sendClaimed(inState(state), 1, 1, now)).toBeUndefined();
    expect(sendClaimed(inState('requested', 2), 1, 1, now)).toBeUndefined();
    expect(maySend(inState('requested'), 1)).toBe(false); // never claimed
  });

  it('when the office withdraws a claimed request, then the withdrawal is recorded at once and the request may no longer go', () => {
    const claimed = sendClaimed(inState('requested'), 1, 1, now)!;
    const recorded = checkWithdrawn(claimed, later, 1)!;
    expect(recorded).toMatchObject({ state: 'requested', withdrawal: { from: 'requested', revision: 1, at: later.toISOString() } });
    expect(maySend(recorded, 1)).toBe(false);
    expect(sendClaimed(recorded, 1, 2, later)).toBeUndefined();
    // Recorded once: redelivered, nothing changes.
    expect(checkWithdrawn(recorded, later, 1)).toBeUndefined();
  });

  it('when the claimed attempt does not deliver the request, then the withdrawal takes effect: the check ends withdrawn, claim and schedule gone', () => {
    const recorded = { ...checkWithdrawn(sendClaimed(inState('requested'), 1, 1, now)!, now, 1)!, nextAttemptAt: later.toISOString() };
    const ended = withdrawalTakesEffect(recorded, later)!;
    expect(ended).toMatchObject({ state: 'withdrawn', completedAt: later.toISOString(), withdrawal: { from: 'requested' } });
    expect(ended).not.toHaveProperty('sending');
    expect(ended).not.toHaveProperty('nextAttemptAt');
    expect(withdrawalTakesEffect(ended, later)).toBeUndefined();
    expect(withdrawalTakesEffect(inState('requested'), later)).toBeUndefined(); // nothing withdrawn
  });

  it('when an attempt fails or attempts run out, then its claim goes, so a withdrawal before the next attempt ends the check at once', () => {
    const claimed = sendClaimed(inState('requested'), 1, 1, now)!;
    const waiting = attemptFailed(claimed, 1, 'refused', 1, later, now)!;
    expect(waiting).not.toHaveProperty('sending');
    expect(checkWithdrawn(waiting, later, 1)?.state).toBe('withdrawn');
    expect(failed(claimed, 1, 'refused', 3, now)).not.toHaveProperty('sending');
  });

  it('when a failed check has a withdrawal recorded, then an operator cannot send it again', () => {
    expect(retried({ ...inState('failed'), withdrawal: { at: now.toISOString(), from: 'requested' } }, later)).toBeUndefined();
    expect(retried(inState('failed'), later)?.state).toBe('requested');
  });
});
