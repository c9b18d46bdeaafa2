import { describe, expect, it } from 'vitest';
import { accepted, attemptFailed, failed, newCheck, refereeResult, resultRecorded, retried } from './check';

const now = new Date('2026-11-27T10:00:00Z');
const base = newCheck(
  { checkId: 'c1.1.un-records', checkType: 'un-records', organisation: 'UN', subject: { name: 'A' } },
  { setId: 'c1.1', candidateId: 'c1', country: 'GH', category: 'civilian', candidateRevision: 1, setChecks: ['c1.1.un-records'] },
  'sealed',
  now,
);

describe('check transitions', () => {
  it('when a check is opened, then it keeps the sealed subject and never the subject in clear', () => {
    expect(base.sealedSubject).toBe('sealed');
    expect(base).not.toHaveProperty('subject');
  });

  it('when a result arrives for an open round, then the check completes; a second result for that round changes nothing', () => {
    const done = resultRecorded(base, 1, 'no-adverse', 'response', now);
    expect(done).toMatchObject({ state: 'completed', result: 'no-adverse', attempts: 1 });
    expect(resultRecorded(done, 1, 'adverse', 'callback', now)).toBeUndefined();
  });

  it('when an authority accepts the request, then the check awaits its answer until the deadline, and the answer completes it', () => {
    const waiting = accepted(base, 1, 'ref-1', new Date('2026-12-27T00:00:00Z'), now);
    expect(waiting).toMatchObject({ state: 'awaiting-answer', externalRef: 'ref-1', deadline: '2026-12-27T00:00:00.000Z' });
    expect(resultRecorded(waiting, 1, 'no-response', 'deadline', now)).toMatchObject({ state: 'completed', result: 'no-response' });
  });

  it('when a failed check is retried, then a new round starts and results of the old round no longer apply', () => {
    const down = failed(base, 1, '422 refused', 1, now);
    expect(down).toMatchObject({ state: 'failed', lastError: '422 refused' });
    const again = retried(down, now);
    expect(again).toMatchObject({ state: 'requested', round: 2, attempts: 0 });
    expect(resultRecorded(again, 1, 'no-adverse', 'callback', now)).toBeUndefined();
    expect(retried(base, now)).toBeUndefined();
  });

  it('when an attempt fails and another is scheduled, then the check shows the attempts, the reason and the next attempt; a success clears the schedule', () => {
    const next = new Date('2026-11-27T10:00:04Z');
    const waiting = attemptFailed(base, 1, 'cannot reach records.example: fetch failed: bad port', 2, next, now);
    expect(waiting).toMatchObject({
      state: 'requested',
      attempts: 2,
      lastError: 'cannot reach records.example: fetch failed: bad port',
      lastAttemptAt: now.toISOString(),
      nextAttemptAt: next.toISOString(),
    });
    expect(attemptFailed(waiting, 1, 'late copy of attempt 2', 2, next, now)).toBeUndefined();
    expect(attemptFailed(waiting, 2, 'another round', 3, next, now)).toBeUndefined();
    const done = resultRecorded(waiting, 1, 'no-adverse', 'response', now);
    expect(done).toMatchObject({ state: 'completed', attempts: 3 });
    expect(done).not.toHaveProperty('nextAttemptAt');
    expect(failed(waiting, 1, 'gave up', 8, now)).not.toHaveProperty('nextAttemptAt');
  });

  it('when a referee answers yes to either misconduct question, then the result is adverse', () => {
    expect(refereeResult({ sexualMisconductFinding: 'no', leftDuringInvestigation: 'yes' })).toBe('adverse');
    expect(refereeResult({ sexualMisconductFinding: 'no', leftDuringInvestigation: 'no' })).toBe('no-adverse');
  });
});
