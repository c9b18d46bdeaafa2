import { randomUUID } from 'node:crypto';
import { isDecidable } from './case-inputs';
import { activeClearance, type CaseStatus, type ClearanceCase, type Decision, type Flag } from './clearance-case';
import type { ClearancePolicy } from './clearance-policy';
import { evaluatePolicy, findingKeys, type PolicyEvaluation } from './evaluate-policy';

export interface Reconsidered {
  next: ClearanceCase;
  decision?: Decision;
  revocation?: { flag: Flag; revoked: Decision };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

export const statusOf = (ev: Pick<PolicyEvaluation, 'route' | 'outcome'>): CaseStatus =>
  ev.route === 'screening-review'
    ? 'awaiting-screening-review'
    : ev.route === 'adjudication'
      ? 'awaiting-adjudication'
      : (ev.outcome as CaseStatus);

function revocationReason(newFindings: string[]): string {
  if (newFindings.some((k) => k.startsWith('match:') || k.startsWith('screening:')))
    return 'a new screening found a possible ban-list match';
  if (newFindings.some((k) => k.startsWith('check:') && k.endsWith(':adverse')))
    return 'a late reference or record check returned adverse information';
  return 'new information requires a new decision';
}

/** Sets the case to a decision's outcome; a cleared case carries its end for the expiry job. */
export function withDecision(c: ClearanceCase, decision: Decision, status: CaseStatus): ClearanceCase {
  const { validUntil: _v, clearedAt: _c, proposal, ...rest } = c;
  const keepProposal = status === 'awaiting-adjudication' || status === 'awaiting-countersignature';
  return {
    ...rest,
    status,
    decisions: [...c.decisions, decision],
    ...(keepProposal && proposal ? { proposal } : {}),
    ...(status === 'cleared' && decision.validUntil ? { validUntil: decision.validUntil } : {}),
    ...(status === 'cleared' ? { clearedAt: decision.decidedAt } : {}),
  };
}

/**
 * Runs the policy again after the inputs changed. A new decision is made only when the findings
 * changed (a clean re-screen does not extend a clearance; a human decision stands on the facts it
 * saw). While cleared, a finding the clearance did not see revokes it and raises a flag; findings it
 * already saw (an adjudicated clearance despite them) do not.
 */
export function reconsiderCase(c: ClearanceCase, policy: ClearancePolicy, now: Date, newId: () => string = randomUUID): Reconsidered {
  if (c.withdrawn || !isDecidable(c.inputs) || !c.inputs.screening) return { next: c };
  const ev = evaluatePolicy(policy, c.inputs, now);
  const keys = findingKeys(ev.findings);
  const last = c.decisions.at(-1);
  if (last && sameSet(last.findings, keys)) return { next: c };
  const active = activeClearance(c);
  let revocation: Reconsidered['revocation'];
  let flags = c.flags;
  if (active) {
    const clean = ev.route === 'automatic' && ev.outcome === 'cleared';
    const newFindings = keys.filter((k) => !active.findings.includes(k));
    if (clean || newFindings.length === 0) return { next: c };
    const flag: Flag = {
      flagId: newId(),
      kind: 'clearance-revoked',
      raisedAt: now.toISOString(),
      revokedDecisionId: active.decisionId,
      reason: revocationReason(newFindings),
      newFindings,
    };
    revocation = { flag, revoked: active };
    flags = [...flags, flag];
  }
  const decision: Decision = {
    decisionId: newId(),
    candidateRevision: c.inputs.screening.revision,
    outcome: ev.outcome,
    kind: 'automatic',
    route: ev.route,
    ...(ev.recommendation ? { recommendation: ev.recommendation } : {}),
    policyVersion: policy.version,
    decidedBy: 'policy',
    reasons: ev.reasons,
    ...(ev.validUntil ? { validUntil: ev.validUntil } : {}),
    decidedAt: now.toISOString(),
    findings: keys,
    inputs: c.inputs,
    inputsVersion: c.inputsVersion,
  };
  const next = withDecision(
    { ...c, flags, ...(revocation ? { flagged: true, lastFlaggedAt: now.toISOString() } : {}) },
    decision,
    statusOf(ev),
  );
  return { next, decision, ...(revocation ? { revocation } : {}) };
}

/** Ends a clearance whose validity has passed; undefined when nothing is due (idempotent). */
export function expireCase(c: ClearanceCase, now: Date): { next: ClearanceCase; expired: Decision } | undefined {
  const active = activeClearance(c);
  if (!active?.validUntil || new Date(active.validUntil) > now) return undefined;
  const { validUntil: _v, ...rest } = c;
  return { next: { ...rest, status: 'expired', expiredDecisionIds: [...c.expiredDecisionIds, active.decisionId] }, expired: active };
}

/** The office withdrew the nomination: nothing more is decided, any open proposal lapses. */
export function withdrawCase(c: ClearanceCase, reason: string, now: Date): ClearanceCase | undefined {
  if (c.withdrawn) return undefined;
  const { validUntil: _v, proposal: _p, ...rest } = c;
  return { ...rest, status: 'withdrawn', withdrawn: { reason, at: now.toISOString() } };
}
