import { describe, expect, it } from 'vitest';
import { nextStatus } from './candidate-status';

const base = { status: 'screening' as const, revision: 2, screeningDone: false, referencesDone: false };

describe('candidate lifecycle', () => {
  it('when screening completes first, then the candidate waits for references', () => {
    expect(nextStatus(base, { type: 'screening.completed', candidateRevision: 2 })?.status).toBe('references');
  });

  it('when both screening and references are complete, then a decision is pending', () => {
    const afterScreening = { ...base, status: 'references' as const, screeningDone: true };
    expect(nextStatus(afterScreening, { type: 'references.completed', candidateRevision: 2 })?.status).toBe('decision-pending');
  });

  it('when references complete before screening, then the candidate is still screening', () => {
    expect(nextStatus(base, { type: 'references.completed', candidateRevision: 2 })).toMatchObject({
      status: 'screening',
      referencesDone: true,
    });
  });

  it('when a result belongs to an older revision of the person, then it is ignored', () => {
    expect(nextStatus(base, { type: 'screening.completed', candidateRevision: 1 })).toBeUndefined();
  });

  it('when a decision arrives, then the status follows its outcome', () => {
    const decided = (outcome: 'cleared' | 'not-cleared' | 'pending-review') =>
      nextStatus(base, { type: 'clearance.decided', decision: { outcome, decidedAt: '2026-01-01T00:00:00Z' } })?.status;
    expect(decided('cleared')).toBe('cleared');
    expect(decided('not-cleared')).toBe('not-cleared');
    expect(decided('pending-review')).toBe('decision-pending');
  });

  it('when the candidate was withdrawn, then later results change nothing', () => {
    expect(nextStatus({ ...base, status: 'withdrawn' }, { type: 'clearance.revoked' })).toBeUndefined();
  });

  it('when a clearance is revoked or expires, then the status says so', () => {
    const cleared = { ...base, status: 'cleared' as const };
    expect(nextStatus(cleared, { type: 'clearance.revoked' })?.status).toBe('not-cleared');
    expect(nextStatus(cleared, { type: 'clearance.expired' })?.status).toBe('expired');
  });
});
