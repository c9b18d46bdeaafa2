import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { erasureDue, type RetentionPolicy } from './retention';

const policy: RetentionPolicy = { notClearedDays: 365, withdrawnDays: 90, clearedDaysAfterValidity: 30, undecidedDays: 730 };
const base: Pick<Candidate, 'status' | 'decision' | 'withdrawal' | 'createdAt' | 'timeline' | 'erased'> = {
  status: 'screening',
  createdAt: '2026-01-01T00:00:00.000Z',
  timeline: [{ at: '2026-01-01T00:00:00.000Z', status: 'screening', event: 'screening started' }],
};

describe('retention per data kind', () => {
  it('when a nomination is withdrawn, then it is due the withdrawal period after the withdrawal', () => {
    expect(erasureDue({ ...base, status: 'withdrawn', withdrawal: { reason: 'r', at: '2026-02-01T00:00:00.000Z' } }, policy)).toEqual({
      kind: 'withdrawn',
      at: '2026-05-02T00:00:00.000Z',
    });
  });

  it('when a person was not cleared, then the period runs from the day the decision arrived', () => {
    const c = {
      ...base,
      status: 'not-cleared' as const,
      timeline: [...base.timeline, { at: '2026-03-01T00:00:00.000Z', status: 'not-cleared' as const, event: 'clearance.decided' }],
    };
    expect(erasureDue(c, policy)).toEqual({ kind: 'not-cleared', at: '2027-03-01T00:00:00.000Z' });
  });

  it('when a person is cleared, then the period runs from the end of the validity, not the decision', () => {
    const c = {
      ...base,
      status: 'cleared' as const,
      decision: { outcome: 'cleared' as const, decidedAt: '2026-03-01T00:00:00.000Z', validUntil: '2027-03-01T00:00:00.000Z' },
    };
    expect(erasureDue(c, policy)).toEqual({ kind: 'cleared', at: '2027-03-31T00:00:00.000Z' });
  });

  it('when a nomination never got a decision, then it is due long after its creation; once erased, never again', () => {
    expect(erasureDue(base, policy)).toEqual({ kind: 'undecided', at: '2028-01-01T00:00:00.000Z' });
    expect(erasureDue({ ...base, erased: { at: '2026-01-02T00:00:00.000Z', reason: 'request' } }, policy)).toBeUndefined();
  });
});
