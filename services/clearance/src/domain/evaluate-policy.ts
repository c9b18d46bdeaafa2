import type { CaseInputs } from './case-inputs';
import { validUntil, type FindingAction, type PolicyRules } from './clearance-policy';

export type Route = 'automatic' | 'screening-review' | 'adjudication';

/** One thing that is not clean, with what the policy does about it. */
export interface Finding {
  /** Stable key (`match:<list>/<entry>:<resolution>`, `check:<type>:<id>:<result>`…): a revocation compares keys. */
  key: string;
  action: FindingAction | 'screening-review';
  reason: string;
  /** Adverse information about the person (not just missing information): a refusal on it waits for their response. */
  adverse: boolean;
}

export interface PolicyEvaluation {
  route: Route;
  /** Automatic routes give the outcome; the others are pending review until a person decides. */
  outcome: 'cleared' | 'not-cleared' | 'pending-review';
  /** For adjudication: the outcome the policy would reach; deciding otherwise is an override (four eyes). */
  recommendation?: 'not-cleared';
  reasons: string[];
  findings: Finding[];
  validUntil?: string;
}

function screeningFindings(inputs: CaseInputs, rules: PolicyRules): Finding[] {
  const s = inputs.screening;
  if (!s) return [];
  const reviewable = (s.hits ?? []).filter((h) => h.band !== 'weak');
  const out: Finding[] = [];
  for (const h of reviewable) {
    const resolution = h.resolution ?? 'unresolved';
    if (resolution === 'false-positive') continue;
    const key = `match:${h.listId}/${h.entryId}:${resolution}`;
    if (resolution === 'confirmed')
      out.push({ key, action: rules.onConfirmedMatch, adverse: true, reason: `a screening officer confirmed a ban-list match (${h.listId})` });
    else out.push({ key, action: 'screening-review', adverse: false, reason: `a possible ban-list match (${h.listId}) awaits review by a screening officer` });
  }
  // A non-clear outcome with no reviewable hit on record still needs an officer: never assume clean.
  if (s.outcome !== 'clear' && out.length === 0 && !reviewable.some((h) => h.resolution === 'false-positive'))
    out.push({ key: `screening:${s.outcome}`, action: 'screening-review', adverse: false, reason: 'the screening found a possible match that awaits review by a screening officer' });
  return out;
}

function checkFindings(inputs: CaseInputs, rules: PolicyRules): Finding[] {
  const checks = inputs.references?.checks ?? [];
  const out: Finding[] = [];
  for (const c of checks) {
    const key = `check:${c.checkType}:${c.checkId ?? '-'}:${c.result}`;
    if (c.result === 'adverse') out.push({ key, action: 'adjudicate', adverse: true, reason: `the ${c.checkType} check returned adverse information` });
    if (c.result === 'no-response') out.push({ key, action: rules.onNoResponse, adverse: false, reason: `the ${c.checkType} check had no response by its deadline` });
    if (c.result === 'failed') out.push({ key, action: rules.onFailedCheck, adverse: false, reason: `the ${c.checkType} check could not be carried out` });
  }
  const category = inputs.nomination?.category;
  for (const required of (category && rules.requiredChecks[category]) || []) {
    const done = checks.some((c) => c.checkType === required && c.result !== 'not-required');
    if (!done) out.push({ key: `missing:${required}`, action: 'adjudicate', adverse: false, reason: `the ${required} check the ${category} category requires has no result` });
  }
  return out;
}

/**
 * The policy applied to a case's inputs. Pure: the same inputs, policy and time give the same result,
 * which is what makes a decision replayable.
 * - an unresolved possible match waits for a screening officer (never an automatic refusal);
 * - a finding whose action is `not-cleared` refuses automatically (a confirmed match, or absent
 *   information, when the policy says so);
 * - any other finding goes to an adjudicator, whose default is not-cleared;
 * - no finding clears, until the policy's validity end.
 */
export function evaluatePolicy(policy: PolicyRules, inputs: CaseInputs, at: Date): PolicyEvaluation {
  const findings = [...screeningFindings(inputs, policy), ...checkFindings(inputs, policy)].sort((a, b) => a.key.localeCompare(b.key));
  const reasons = findings.map((f) => f.reason);
  const confirmed = findings.some((f) => f.key.startsWith('match:') && f.key.endsWith(':confirmed'));
  if (findings.some((f) => f.action === 'screening-review') && !confirmed) return { route: 'screening-review', outcome: 'pending-review', reasons, findings };
  const actionable = findings.filter((f) => f.action !== 'screening-review');
  if (actionable.some((f) => f.action === 'not-cleared')) return { route: 'automatic', outcome: 'not-cleared', reasons, findings };
  if (actionable.length) return { route: 'adjudication', outcome: 'pending-review', recommendation: 'not-cleared', reasons, findings };
  return {
    route: 'automatic',
    outcome: 'cleared',
    reasons: ['no ban-list match and every required check is clean'],
    findings,
    validUntil: validUntil(policy, inputs.nomination, at),
  };
}

export const findingKeys = (findings: Finding[]) => findings.map((f) => f.key);
