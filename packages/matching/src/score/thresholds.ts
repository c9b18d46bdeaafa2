/**
 * The two score thresholds and the bands they define.
 *
 * - `match`: an identical document or service number, or an identity a reviewer confirmed.
 * - `possible-match`: score ≥ upper. Raises a human review.
 * - `weak`: lower ≤ score < upper. Shown in ad-hoc searches to help the officer, never raises a review.
 * - `clear`: score < lower. Not returned by default.
 *
 * The defaults were calibrated by the benchmark (packages/matching/bench) on one half of labelled
 * sets built from the UN list and from OFAC SDN individuals, and checked on the other halves; see
 * docs/decisions/matching-thresholds.md.
 */

export type Band = 'match' | 'possible-match' | 'weak' | 'clear';

export interface Thresholds {
  /** At or above: possible match (human review). */
  upper: number;
  /** Below: clear. Between lower and upper: weak. */
  lower: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({ upper: 0.55, lower: 0.35 });

export function bandFor(score: number, decisive: boolean, thresholds: Thresholds = DEFAULT_THRESHOLDS): Band {
  if (decisive) return 'match';
  if (score >= thresholds.upper) return 'possible-match';
  if (score >= thresholds.lower) return 'weak';
  return 'clear';
}
