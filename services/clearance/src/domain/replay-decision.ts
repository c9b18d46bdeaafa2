import type { Decision, Outcome } from './clearance-case';
import { validUntil, type ClearancePolicy } from './clearance-policy';
import { evaluatePolicy, findingKeys, type PolicyEvaluation } from './evaluate-policy';
import { refusalBlocked } from './refusal-notice';

export interface Replay {
  decisionId: string;
  policyVersion: number;
  /** The outcome the recorded inputs and policy version lead to (for an adjudication: the officers' outcome, when its rules held). */
  outcome: Outcome | 'inconsistent';
  validUntil?: string;
  evaluation: PolicyEvaluation;
  /** True when the replay reaches the recorded outcome, validity, findings and rules. */
  consistent: boolean;
  problems: string[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * Replays a decision from what it recorded: its inputs, its time and the policy version it names.
 * An automatic decision must come out identical. An adjudication cannot be recomputed (a person
 * judged), so the replay checks what the policy governs: the case was for an adjudicator, the
 * policy's recommendation, the four-eyes rule for an override, and the validity.
 */
export function replayDecision(decision: Decision, policy: ClearancePolicy): Replay {
  const problems: string[] = [];
  if (policy.version !== decision.policyVersion)
    problems.push(`the decision names policy v${decision.policyVersion}, replayed with v${policy.version}`);
  const at = new Date(decision.decidedAt);
  const evaluation = evaluatePolicy(policy, decision.inputs, at);
  if (!sameSet(findingKeys(evaluation.findings), decision.findings)) problems.push('the findings differ from those recorded');
  let outcome: Outcome = evaluation.outcome;
  let until = evaluation.validUntil;
  if (decision.kind === 'adjudicated') {
    if (evaluation.route !== 'adjudication') problems.push(`the policy routes these inputs to ${evaluation.route}, not to an adjudicator`);
    if (decision.recommendation !== evaluation.recommendation) problems.push('the recorded recommendation is not the policy’s');
    const override = decision.outcome !== evaluation.recommendation;
    if (override && (!decision.countersignedBy || decision.countersignedBy === decision.decidedBy))
      problems.push('an override without a countersignature by a second officer');
    if (override && !decision.overrideReason) problems.push('an override without a written reason');
    // Cases from before notices were recorded (no `notices` in their inputs) were refused under the older rule.
    const blocked =
      decision.outcome === 'not-cleared' && decision.inputs.notices ? refusalBlocked(decision.inputs, decision.findings, at) : undefined;
    if (blocked) problems.push(`a refusal before the candidate could respond (${blocked.code})`);
    outcome = decision.outcome;
    until = outcome === 'cleared' ? validUntil(policy, decision.inputs.nomination, at) : undefined;
  } else if (evaluation.route !== decision.route)
    problems.push(`the policy routes these inputs to ${evaluation.route}, recorded ${decision.route}`);
  if (outcome !== decision.outcome) problems.push(`the replay reaches ${outcome}, recorded ${decision.outcome}`);
  if (until !== decision.validUntil)
    problems.push(`the replay gives validity ${until ?? 'none'}, recorded ${decision.validUntil ?? 'none'}`);
  return {
    decisionId: decision.decisionId,
    policyVersion: policy.version,
    outcome: problems.length ? 'inconsistent' : outcome,
    ...(until ? { validUntil: until } : {}),
    evaluation,
    consistent: problems.length === 0,
    problems,
  };
}
