import { describe, expect, it } from 'vitest';
import { newCheck, type Check, type CheckState } from './check';
import { checkWithdrawn } from './withdrawal';

const now = new Date('2026-11-27T10:00:00Z');
const inState = (state: CheckState): Check => ({
  ...newCheck(
    {
      checkId: 'c1.1.misconduct-disclosure.1',
      checkType: 'misconduct-disclosure',
      organisation: 'employer:k',
      subject: { name: 'A' },
      awaitingContact: true,
    },
    {
      setId: 'c1.1',
      candidateId: 'c1',
      country: 'GH',
      category: 'civilian',
      candidateRevision: 1,
      setChecks: ['c1.1.misconduct-disclosure.1'],
    },
    'sealed',
    now,
  ),
  state,
  nextAttemptAt: now.toISOString(),
});

describe('a withdrawn nomination ends the checks not yet sent', () => {
  it('when a check is held, queued or failed, then it ends withdrawn, final, saying from which state, with no attempt left scheduled', () => {
    for (const from of ['awaiting-contact', 'requested', 'failed'] as const) {
      const next = checkWithdrawn(inState(from), now, 2);
      expect(next).toMatchObject({
        state: 'withdrawn',
        withdrawal: { at: now.toISOString(), revision: 2, from },
        completedAt: now.toISOString(),
      });
      expect(next).not.toHaveProperty('nextAttemptAt');
    }
  });

  it('when a check was sent, answered, superseded or withdrawn already, then it is left as it is', () => {
    for (const state of ['awaiting-answer', 'completed', 'superseded', 'withdrawn'] as const)
      expect(checkWithdrawn(inState(state), now, 1)).toBeUndefined();
    expect(checkWithdrawn(undefined, now)).toBeUndefined();
  });
});
