import type { ListHit, ResolutionInfo, ScreeningOutcome } from '@vetting/banlists';

/** What one hit does to the screening's outcome, and why. */
export interface HitFinding {
  /** Stable key `hit:<list>/<entry>:<band>:<decision>`: two evaluations compare by key. */
  key: string;
  listId: string;
  entryId: string;
  /** The threshold band the matching engine put the hit in. */
  band: ListHit['band'];
  /** `match` and `possible-match` hold the candidate back; `none` leaves them clear. */
  effect: ScreeningOutcome | 'none';
  /** A person still has to decide on this hit. */
  awaitsReview: boolean;
  reason: string;
}

export interface ScreeningEvaluation {
  outcome: ScreeningOutcome;
  /** A screening officer still has to look at one hit or more. */
  pendingReview: boolean;
  reasons: string[];
  /** One per hit, in the order given (identifier matches first, then best score). */
  findings: HitFinding[];
}

/** The parts of a hit (as screened or as summarised on the subject) the decision reads. */
export interface EvaluatedHit {
  listId: string;
  entryId: string;
  band: ListHit['band'];
  score: number;
  resolution?: Pick<ResolutionInfo, 'resolution' | 'resolvedBy'> & Partial<Pick<ResolutionInfo, 'countersignedBy' | 'carriedOver'>>;
  /** A false positive proposed on an identifier match, waiting for a second officer. */
  proposal?: { proposedBy: string };
}

const score = (h: EvaluatedHit) => (Math.round(h.score * 1000) / 1000).toString();

function decidedBy(r: NonNullable<EvaluatedHit['resolution']>): string {
  const who = r.countersignedBy ? `${r.resolvedBy}, countersigned by ${r.countersignedBy}` : r.resolvedBy;
  return r.carriedOver ? `${who} on an earlier screening of the same person and entry` : who;
}

function hitFinding(h: EvaluatedHit): HitFinding {
  const at = `${h.listId}/${h.entryId}`;
  const base = { listId: h.listId, entryId: h.entryId, band: h.band };
  const r = h.resolution;
  if (r?.resolution === 'confirmed')
    return {
      ...base,
      key: `hit:${at}:${h.band}:confirmed`,
      effect: 'match',
      awaitsReview: false,
      reason: `${at}: confirmed as the listed person by ${decidedBy(r)}, whatever its score`,
    };
  if (r?.resolution === 'false-positive')
    return {
      ...base,
      key: `hit:${at}:${h.band}:false-positive`,
      effect: 'none',
      awaitsReview: false,
      reason: `${at}: ruled out as a false positive by ${decidedBy(r)}`,
    };
  if (h.band === 'match') {
    const waiting = h.proposal ? `; a false positive proposed by ${h.proposal.proposedBy} awaits a second officer` : '';
    return {
      ...base,
      key: `hit:${at}:match:unresolved`,
      effect: 'match',
      awaitsReview: true,
      reason: `${at}: the same document or service number (identifier match), not ruled out by two officers${waiting}`,
    };
  }
  if (h.band === 'possible-match')
    return {
      ...base,
      key: `hit:${at}:possible-match:unresolved`,
      effect: 'possible-match',
      awaitsReview: true,
      reason: `${at}: score ${score(h)} at or above the review threshold; a screening officer must decide`,
    };
  return {
    ...base,
    key: `hit:${at}:${h.band}:unresolved`,
    effect: 'none',
    awaitsReview: false,
    reason: `${at}: score ${score(h)} below the review threshold (${h.band}); kept to re-score on a list change, never reviewed`,
  };
}

/**
 * A screening's outcome from its hits and the decisions taken on them. Pure, the single place the
 * service decides it:
 * - a confirmed hit, or an identifier match nobody ruled out, is a `match` (a proposal alone does not
 *   rule it out: four eyes, hit-four-eyes.ts);
 * - an undecided hit at or above the review threshold is a `possible-match` for a person to review;
 * - hits ruled out and hits below the threshold leave the candidate `clear`.
 * Nobody is refused on this outcome: clearance sends every non-clear outcome to a person. The offline
 * bundle screener reaches the same outcome through `screeningOutcome` (@vetting/banlists); the unit
 * test holds the two together, so an offline result and its re-screening agree.
 */
export function evaluateScreening(hits: readonly EvaluatedHit[]): ScreeningEvaluation {
  const findings = hits.map(hitFinding);
  const outcome: ScreeningOutcome = findings.some((f) => f.effect === 'match')
    ? 'match'
    : findings.some((f) => f.effect === 'possible-match')
      ? 'possible-match'
      : 'clear';
  const reasons = findings.map((f) => f.reason);
  if (!findings.some((f) => f.effect !== 'none')) reasons.unshift('no hit on any active list holds the candidate back');
  return { outcome, pendingReview: findings.some((f) => f.awaitsReview), reasons, findings };
}
