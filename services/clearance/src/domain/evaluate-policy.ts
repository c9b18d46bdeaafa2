import type { CaseInputs } from './case-inputs';
import { validUntil, type PolicyRules } from './clearance-policy';
import { correctionFindings, declarationFindings, referenceFindings, screeningFindings, type Finding } from './findings';

export type { Finding } from './findings';

export type Route = 'automatic' | 'screening-review' | 'adjudication';

export interface PolicyEvaluation {
  route: Route;
  /** Only a clearance is automatic; every other route is pending review until a person decides. */
  outcome: 'cleared' | 'pending-review';
  /** For adjudication: the outcome the policy would reach; deciding otherwise is an override (four eyes). */
  recommendation?: 'not-cleared';
  reasons: string[];
  findings: Finding[];
  validUntil?: string;
}

/**
 * The policy applied to a case's inputs. Pure: the same inputs, policy and time give the same result,
 * which is what makes a decision replayable.
 * - an unresolved possible match waits for a screening officer;
 * - any other finding (a confirmed match, adverse or missing information, a self-declared
 *   allegation) goes to an adjudicator, whose recommended outcome is not-cleared;
 * - no finding clears, until the policy's validity end.
 * Nothing refuses automatically, whatever a stored policy says: a refusal is always a person's
 * (domain/adjudication.ts), after the candidate could respond (domain/refusal-notice.ts).
 */
export function evaluatePolicy(policy: PolicyRules, inputs: CaseInputs, at: Date): PolicyEvaluation {
  const findings = [
    ...screeningFindings(inputs),
    ...referenceFindings(inputs, policy, at),
    ...declarationFindings(inputs),
    ...correctionFindings(inputs),
  ].sort((a, b) => a.key.localeCompare(b.key));
  const reasons = findings.map((f) => f.reason);
  const confirmed = findings.some(
    (f) => f.action === 'adjudicate' && f.adverse && (f.key.startsWith('match:') || f.key.startsWith('left-pending-allegation:')),
  );
  if (findings.some((f) => f.action === 'screening-review') && !confirmed)
    return { route: 'screening-review', outcome: 'pending-review', reasons, findings };
  if (findings.some((f) => f.action === 'adjudicate'))
    return { route: 'adjudication', outcome: 'pending-review', recommendation: 'not-cleared', reasons, findings };
  return {
    route: 'automatic',
    outcome: 'cleared',
    reasons: ['no ban-list match, every required check is clean and nothing was declared'],
    findings,
    validUntil: validUntil(policy, inputs.nomination, at),
  };
}

export const findingKeys = (findings: Finding[]) => findings.map((f) => f.key);
