/**
 * The highest score one entry can reach for a query with a name score of at most a bound, from the
 * entry's own evidence: the top-k stop of a search skips entries by it. A common name on a large
 * list ("Wang Wei" among a million names) has hundreds of listed namesakes whose names all score 1;
 * what orders them is their dates of birth, nationalities and gender, which cost nothing to compare
 * next to an alignment, so the ceiling is the entry's own, not that of a namesake who agrees on all.
 *
 * Sound as scoreEntry counts (keep the two in step): agreement is scaled by the name score's gate,
 * disagreement counts in full, a non-decisive document only supports, the second stage only lowers,
 * and the score is clamped to [0, 1]. So for a name score s ≤ bound, the entry's score is at most
 * bound + gate(bound)·support + penalty, both sides rising with the name score. The evidence of
 * each entry is tabulated by index/entry-evidence.ts.
 */
import type { ScoreOptions } from './person-scorer';

export interface EntryEvidence {
  /** Agreeing evidence, counted as far as the name score's gate lets it (≥ 0). */
  support: number;
  /** Disagreeing evidence, counted in full (≤ 0). */
  penalty: number;
}

/**
 * Slack over the float rounding of a differently ordered sum: the ceiling must never fall below
 * the score scoreEntry computes.
 */
const SLACK = 1e-9;

/** The highest score the entry reaches with a name score of at most `nameBound` (monotone in it). */
export function entryCeiling(nameBound: number, evidence: EntryEvidence, options: ScoreOptions = {}): number {
  const { evidenceFloor = 0.55, evidenceFull = 0.8 } = options;
  const gate = Math.max(0, Math.min(1, (nameBound - evidenceFloor) / (evidenceFull - evidenceFloor)));
  return Math.max(0, Math.min(1, nameBound + gate * evidence.support + evidence.penalty)) + SLACK;
}
