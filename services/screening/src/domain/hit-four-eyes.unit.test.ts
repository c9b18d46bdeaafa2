import { describe, expect, it } from 'vitest';
import type { ListHit } from '@vetting/banlists';
import { countersignHit, decideHit } from './hit-four-eyes';
import { screeningResult } from '../testing/domain-fixtures';
import { afterScreening, resolveHit } from './subject';

const hit = (entryId: string, band: ListHit['band']): ListHit =>
  ({
    listId: 'bar',
    entryId,
    entryHash: `h-${entryId}`,
    band,
    score: 0.9,
    matchedName: { full: 'x', kind: 'primary' },
    queryName: 'x',
    features: [],
    words: [],
    summary: '',
  }) as ListHit;
const result = (hits: ListHit[]) => screeningResult({ hits });
const ref = { screeningId: 'c1:1', listId: 'bar', entryId: 'E1' };
const propose = (officer = 'a', proposalId = 'p-0001') =>
  decideHit(afterScreening(undefined, result([hit('E1', 'match')])), {
    ...ref,
    resolution: 'false-positive',
    reason: 'other person',
    officer,
    at: 't1',
    proposalId,
  });

describe('four eyes on identifier matches', () => {
  it('when one officer rules out an identifier match, then it is only a proposal and the outcome stays a match', () => {
    const d = propose();
    expect(d).toMatchObject({ kind: 'proposed', state: { outcome: 'match', pendingReview: true } });
  });

  it('when a name-only possible match is ruled out or a match confirmed, then one officer decides at once', () => {
    const weak = decideHit(afterScreening(undefined, result([hit('E1', 'possible-match')])), {
      ...ref,
      resolution: 'false-positive',
      reason: 'x',
      officer: 'a',
      at: 't',
      proposalId: 'p',
    });
    expect(weak).toMatchObject({ kind: 'resolved', state: { outcome: 'clear' } });
    const strong = decideHit(afterScreening(undefined, result([hit('E1', 'match')])), {
      ...ref,
      resolution: 'confirmed',
      reason: 'x',
      officer: 'a',
      at: 't',
      proposalId: 'p',
    });
    expect(strong).toMatchObject({ kind: 'resolved', state: { outcome: 'match', pendingReview: false } });
  });

  it('when the proposer countersigns, then it is refused; another officer approving resolves it with both names', () => {
    const d = propose();
    if (!('state' in d)) throw new Error('expected a proposal');
    expect(countersignHit(d.state, { ...ref, proposalId: 'p-0001', approve: true, reason: 'ok', officer: 'a', at: 't2' })).toEqual({
      error: 'SCREENING.SAME_OFFICER',
    });
    expect(countersignHit(d.state, { ...ref, proposalId: 'p-other', approve: true, reason: 'ok', officer: 'b', at: 't2' })).toEqual({
      error: 'SCREENING.PROPOSAL_SUPERSEDED',
    });
    const done = countersignHit(d.state, { ...ref, proposalId: 'p-0001', approve: true, reason: 'ok', officer: 'b', at: 't2' });
    expect(done).toMatchObject({ kind: 'resolved', state: { outcome: 'clear' }, stored: { resolvedBy: 'a', countersignedBy: 'b' } });
  });

  it('when the second officer rejects, then the hit stays open with the rejection kept', () => {
    const d = propose();
    if (!('state' in d)) throw new Error('expected a proposal');
    const r = countersignHit(d.state, { ...ref, proposalId: 'p-0001', approve: false, reason: 'same photo', officer: 'b', at: 't2' });
    expect(r).toMatchObject({ kind: 'rejected', state: { outcome: 'match', pendingReview: true } });
    if (!('state' in r)) throw new Error('expected a rejection');
    expect(r.state.hits[0]).toMatchObject({ rejected: [{ proposedBy: 'a', rejectedBy: 'b', rejectionReason: 'same photo' }] });
    expect(r.state.hits[0]!.proposal).toBeUndefined();
  });

  it('when the decision function is called directly with a false positive on a match and no second officer, then it refuses', () => {
    const state = afterScreening(undefined, result([hit('E1', 'match')]));
    expect(resolveHit(state, { ...ref, resolution: 'false-positive', reason: 'x', resolvedBy: 'a', resolvedAt: 't' })).toEqual({
      error: 'SCREENING.COUNTERSIGNATURE_REQUIRED',
    });
    expect(
      resolveHit(state, { ...ref, resolution: 'false-positive', reason: 'x', resolvedBy: 'a', resolvedAt: 't', countersignedBy: 'a' }),
    ).toEqual({ error: 'SCREENING.COUNTERSIGNATURE_REQUIRED' });
  });
});
