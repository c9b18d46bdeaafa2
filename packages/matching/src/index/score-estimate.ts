/**
 * An over-estimate of the name score from retrieval alone: matched weights as the alignment counts
 * them, similarity taken as 1, every one-sided word treated as a tolerated gap. Mirrors
 * name-alignment.ts; pruning on it loses nothing that could reach `minScore` (tested in the
 * benchmark: the hits at the default margin equal those at a margin of 1).
 */
export function estimateScore(matchedQ: number, matchedE: number, queryWeight: number, nameWeight: number, conflictPenalty: number): number {
  const uq = Math.max(0, queryWeight - matchedQ);
  const ue = Math.max(0, nameWeight - matchedE);
  const fracQ = uq / (matchedE + uq);
  const fracE = ue / (matchedE + ue);
  const conflict = Math.min(fracQ, fracE);
  const surplus = 0.5 * (Math.max(fracQ, fracE) - conflict);
  return Math.max(0, 1 - conflictPenalty * conflict) * Math.max(0, 1 - 0.35 * surplus - 0.5 * surplus * surplus);
}
