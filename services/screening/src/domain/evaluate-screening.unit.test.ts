import { describe, expect, it } from 'vitest';
import { screeningOutcome, type Resolution } from '@vetting/banlists';
import { evaluateScreening, type EvaluatedHit } from './evaluate-screening';

const hit = (entryId: string, band: EvaluatedHit['band'], extra: Partial<EvaluatedHit> = {}): EvaluatedHit => ({
  listId: 'un-sea',
  entryId,
  band,
  score: band === 'match' ? 1 : band === 'possible-match' ? 0.6234 : 0.41,
  ...extra,
});
const decided = (resolution: Resolution, by = 'officer-a', more: Partial<NonNullable<EvaluatedHit['resolution']>> = {}) => ({
  resolution: { resolution, resolvedBy: by, ...more },
});

describe('screening evaluation', () => {
  it('given no hit, when evaluated, then the candidate is clear with a reason saying nothing holds them back', () => {
    expect(evaluateScreening([])).toEqual({
      outcome: 'clear',
      pendingReview: false,
      reasons: ['no hit on any active list holds the candidate back'],
      findings: [],
    });
  });

  it('given an undecided identifier match, when evaluated, then it is a match a person must still review, and the reason names it', () => {
    const ev = evaluateScreening([hit('E1', 'match')]);
    expect(ev).toMatchObject({ outcome: 'match', pendingReview: true });
    expect(ev.findings).toEqual([
      {
        key: 'hit:un-sea/E1:match:unresolved',
        listId: 'un-sea',
        entryId: 'E1',
        band: 'match',
        effect: 'match',
        awaitsReview: true,
        reason: 'un-sea/E1: the same document or service number (identifier match), not ruled out by two officers',
      },
    ]);
    expect(ev.reasons).toEqual([ev.findings[0]!.reason]);
  });

  it('given a possible match above the threshold, when evaluated, then a screening officer must review it and the reason gives its score and band', () => {
    const ev = evaluateScreening([hit('E2', 'possible-match')]);
    expect(ev).toMatchObject({ outcome: 'possible-match', pendingReview: true });
    expect(ev.findings[0]).toMatchObject({
      key: 'hit:un-sea/E2:possible-match:unresolved',
      band: 'possible-match',
      effect: 'possible-match',
    });
    expect(ev.reasons).toEqual(['un-sea/E2: score 0.623 at or above the review threshold; a screening officer must decide']);
  });

  it('given only a weak hit below the threshold, when evaluated, then the candidate is clear and the hit is explained, not reviewed', () => {
    const ev = evaluateScreening([hit('E3', 'weak')]);
    expect(ev).toMatchObject({ outcome: 'clear', pendingReview: false });
    expect(ev.findings[0]).toMatchObject({ effect: 'none', awaitsReview: false, key: 'hit:un-sea/E3:weak:unresolved' });
    expect(ev.reasons).toEqual([
      'no hit on any active list holds the candidate back',
      'un-sea/E3: score 0.41 below the review threshold (weak); kept to re-score on a list change, never reviewed',
    ]);
  });

  it('given a weak hit a reviewer confirmed, when evaluated, then it is a match whatever its score', () => {
    const ev = evaluateScreening([hit('E3', 'weak', decided('confirmed'))]);
    expect(ev).toMatchObject({ outcome: 'match', pendingReview: false });
    expect(ev.reasons).toEqual(['un-sea/E3: confirmed as the listed person by officer-a, whatever its score']);
  });

  it('given an identifier match with only a proposed false positive, when evaluated, then it stays a match and the reason says a second officer is awaited', () => {
    const ev = evaluateScreening([hit('E1', 'match', { proposal: { proposedBy: 'officer-a' } })]);
    expect(ev).toMatchObject({ outcome: 'match', pendingReview: true });
    expect(ev.reasons[0]).toMatch(/a false positive proposed by officer-a awaits a second officer$/);
  });

  it('given an identifier match ruled out by one officer and countersigned by another, when evaluated, then the candidate is clear and both are named', () => {
    const ev = evaluateScreening([hit('E1', 'match', decided('false-positive', 'officer-a', { countersignedBy: 'officer-b' }))]);
    expect(ev).toMatchObject({ outcome: 'clear', pendingReview: false });
    expect(ev.findings[0]).toMatchObject({ key: 'hit:un-sea/E1:match:false-positive', effect: 'none' });
    expect(ev.reasons).toEqual([
      'no hit on any active list holds the candidate back',
      'un-sea/E1: ruled out as a false positive by officer-a, countersigned by officer-b',
    ]);
  });

  it('given a decision carried over from an earlier screening, when evaluated, then the reason says where it came from', () => {
    const ev = evaluateScreening([hit('E2', 'possible-match', decided('false-positive', 'officer-a', { carriedOver: true }))]);
    expect(ev.reasons[1]).toBe(
      'un-sea/E2: ruled out as a false positive by officer-a on an earlier screening of the same person and entry',
    );
  });

  it('given one hit ruled out and another still open, when evaluated, then the open one decides the outcome and every hit has its reason', () => {
    const ev = evaluateScreening([hit('E1', 'possible-match', decided('false-positive')), hit('E2', 'possible-match'), hit('E3', 'weak')]);
    expect(ev).toMatchObject({ outcome: 'possible-match', pendingReview: true });
    expect(ev.findings.map((f) => f.key)).toEqual([
      'hit:un-sea/E1:possible-match:false-positive',
      'hit:un-sea/E2:possible-match:unresolved',
      'hit:un-sea/E3:weak:unresolved',
    ]);
    expect(ev.reasons).toHaveLength(3);
  });

  it('given a confirmed match beside an open possible match, when evaluated, then the outcome is a match, still pending review of the other', () => {
    const ev = evaluateScreening([hit('E1', 'possible-match', decided('confirmed')), hit('E2', 'possible-match')]);
    expect(ev).toMatchObject({ outcome: 'match', pendingReview: true });
  });

  it('given every band and decision, when evaluated, then the outcome is the offline screener’s, so an offline result and its re-screening agree', () => {
    const bands: EvaluatedHit['band'][] = ['match', 'possible-match', 'weak', 'clear'];
    const decisions = [undefined, 'false-positive', 'confirmed'] as const;
    const one = bands.flatMap((band) => decisions.map((d, i) => hit(`${band}-${i}`, band, d ? decided(d) : {})));
    for (const a of one)
      for (const b of one) {
        const hits = [a, b];
        expect(evaluateScreening(hits).outcome, `${a.entryId} + ${b.entryId}`).toBe(screeningOutcome(hits));
      }
  });
});
