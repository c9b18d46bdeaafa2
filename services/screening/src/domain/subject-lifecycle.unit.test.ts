import { describe, expect, it } from 'vitest';
import { screeningResult } from '../testing/domain-fixtures';
import { afterScreening, erasedSubject, type SubjectState } from './subject';
import { screeningAdmission, withdrawnSubject } from './subject-lifecycle';

const subject = (hits: SubjectState['hits'] = []): SubjectState => ({
  ...afterScreening(undefined, screeningResult({ candidateRevision: 2, screeningId: 'c1:2' })),
  hits,
  pendingReview: hits.length > 0,
});

describe('whether an arriving candidate revision is screened', () => {
  it('given a candidate never screened, when a revision arrives, then it is screened', () => {
    expect(screeningAdmission(undefined, 1)).toEqual({ kind: 'screen', reason: 'first screening' });
  });

  it('given a newer revision, when it arrives, then it is screened and replaces the older one', () => {
    expect(screeningAdmission(subject(), 3)).toEqual({ kind: 'screen', reason: 'revision 3 replaces revision 2' });
  });

  it('given a redelivered or older revision, when it arrives, then nothing is screened again', () => {
    expect(screeningAdmission(subject(), 2)).toEqual({ kind: 'duplicate', reason: 'revision 2 is not newer than the screened revision 2' });
    expect(screeningAdmission(subject(), 1)).toMatchObject({ kind: 'duplicate' });
  });

  it('given an erased person, when a newer revision arrives late, then they are never screened again', () => {
    expect(screeningAdmission(erasedSubject(subject()), 9)).toEqual({
      kind: 'erased',
      reason: 'the person was erased: never screened again',
    });
  });
});

describe('withdrawing a candidate', () => {
  it('given a candidate awaiting review, when withdrawn, then they leave the review queue', () => {
    const open = subject([{ listId: 'bar', entryId: 'E1', entryHash: 'h', band: 'possible-match', score: 0.7 }]);
    expect(withdrawnSubject(open)).toMatchObject({ withdrawn: true, pendingReview: false, hits: open.hits, outcome: open.outcome });
  });

  it('given an unknown, already withdrawn or erased subject, when a withdrawal arrives, then nothing changes', () => {
    expect(withdrawnSubject(undefined)).toBeUndefined();
    expect(withdrawnSubject({ ...subject(), withdrawn: true })).toBeUndefined();
    expect(withdrawnSubject(erasedSubject(subject()))).toBeUndefined();
  });
});
