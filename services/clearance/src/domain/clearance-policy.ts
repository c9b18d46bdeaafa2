/** A versioned clearance policy, as data. */
export interface ClearancePolicy {
  version: number;
  /** How long a clearance holds. */
  validityMonths: number;
}

export const DEFAULT_POLICY: ClearancePolicy = { version: 1, validityMonths: 12 };

export type ScreeningOutcome = 'clear' | 'possible-match' | 'match';
export type CheckResult = 'not-required' | 'no-adverse' | 'adverse' | 'no-response' | 'failed';

export interface ScreeningInput {
  screeningId: string;
  revision: number;
  outcome: ScreeningOutcome;
  listVersions: { listId: string; version: number; contentHash: string }[];
}

export interface ReferencesInput {
  revision: number;
  checks: { checkId?: string; checkType: string; result: CheckResult }[];
}

export interface PolicyDecision {
  outcome: 'cleared' | 'not-cleared' | 'pending-review';
  reasons: string[];
  validUntil?: string;
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * The automatic part of a clearance decision. It clears only when every input is clean; anything
 * else goes to a person (pending review). It never refuses on its own: no one is refused solely by
 * an automated decision on a fuzzy match.
 */
export function applyPolicy(policy: ClearancePolicy, screening: ScreeningInput, references: ReferencesInput, now: Date): PolicyDecision {
  const reasons: string[] = [];
  if (screening.outcome === 'match') reasons.push('an identity document or service number matches a ban-list entry: a screening officer must confirm');
  if (screening.outcome === 'possible-match') reasons.push('a possible ban-list match awaits review by a screening officer');
  for (const check of references.checks) {
    if (check.result === 'adverse') reasons.push(`the ${check.checkType} check returned adverse information: human adjudication required`);
    if (check.result === 'no-response') reasons.push(`the ${check.checkType} check had no response by the deadline`);
    if (check.result === 'failed') reasons.push(`the ${check.checkType} check failed and must be redone`);
  }
  if (reasons.length) return { outcome: 'pending-review', reasons };
  return {
    outcome: 'cleared',
    reasons: [`no ban-list match and every required check is clean (policy v${policy.version})`],
    validUntil: addMonths(now, policy.validityMonths).toISOString(),
  };
}
