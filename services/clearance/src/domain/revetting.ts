import { randomUUID } from 'node:crypto';
import { revettingMonths, type PolicyRules } from '@vetting/policy';
import { isDecidable } from './case-inputs';
import { activeClearance, type ClearanceCase, type Decision } from './clearance-case';
import { addMonths, type ClearancePolicy } from './clearance-policy';
import { evaluatePolicy, findingKeys } from './evaluate-policy';
import { statusOf, withDecision, type Reconsidered } from './reconsider-case';

/** What links a re-vetting's revision and decision to the clearance it renews (carried by the trail's events). */
export interface RevettingLink {
  revettingId: string;
  previousDecisionId: string;
}

/** A periodic re-vetting in progress: the previous clearance stays valid until its decision or its own end. */
export interface Revetting extends RevettingLink {
  openedAt: string;
  dueAt: string;
  /** The nomination revision held when it opened: the re-vetting's results are those of a later one. */
  afterRevision: number;
  previousValidUntil?: string;
  policyVersion: number;
}

export interface ClosedRevetting extends Revetting {
  closedAt: string;
  /** The decision that ended it; absent when the person was erased first. */
  decisionId?: string;
  closedBy: 'decision' | 'erased';
}

/** When the active clearance of a case is due for re-vetting under `policy`; undefined when it is not re-vetted. */
export function revettingDueAt(c: ClearanceCase, policy: Pick<PolicyRules, 'revetting'>): Date | undefined {
  const active = activeClearance(c);
  const months = c.inputs.nomination && revettingMonths(policy, c.inputs.nomination.category);
  return active && months ? addMonths(new Date(active.decidedAt), months) : undefined;
}

/**
 * Opens the re-vetting of a cleared person whose interval has passed, while their clearance holds.
 * Never for a withdrawn or erased person, never twice for one clearance (the caller stores it under
 * `revet:<decisionId>`). Undefined when nothing is due.
 */
export function openRevetting(
  c: ClearanceCase,
  policy: ClearancePolicy,
  now: Date,
  newId: () => string = randomUUID,
): { next: ClearanceCase; revetting: Revetting } | undefined {
  if (c.withdrawn || c.erasedAt || c.revetting) return undefined;
  const active = activeClearance(c);
  const due = revettingDueAt(c, policy);
  if (!active || !due || due > now || (active.validUntil && new Date(active.validUntil) <= now)) return undefined;
  const revetting: Revetting = {
    revettingId: newId(),
    previousDecisionId: active.decisionId,
    openedAt: now.toISOString(),
    dueAt: due.toISOString(),
    afterRevision: c.inputs.nomination?.revision ?? 0,
    ...(active.validUntil ? { previousValidUntil: active.validUntil } : {}),
    policyVersion: policy.version,
  };
  // Out of the due query (clearedAt) while it runs; the status stays `cleared`: the clearance holds.
  const { clearedAt: _c, ...rest } = c;
  return { next: { ...rest, revetting }, revetting };
}

const link = (r: Revetting): RevettingLink => ({ revettingId: r.revettingId, previousDecisionId: r.previousDecisionId });

function close(c: ClearanceCase, r: Revetting, now: Date, decisionId: string | undefined): ClearanceCase {
  const { revetting: _r, ...rest } = c;
  const closed: ClosedRevetting = {
    ...r,
    closedAt: now.toISOString(),
    ...(decisionId ? { decisionId } : {}),
    closedBy: decisionId ? 'decision' : 'erased',
  };
  return { ...rest, revettings: [...(c.revettings ?? []), closed] };
}

/** True once the nomination, screening and references of a revision after the re-vetting opened are in. */
function resultsIn(c: ClearanceCase, r: Revetting): boolean {
  const { nomination, screening, references } = c.inputs;
  return isDecidable(c.inputs) && [nomination, screening, references].every((i) => (i?.revision ?? 0) > r.afterRevision);
}

/**
 * Ends an open re-vetting with the first decision made after it opened. A decision the inputs already
 * led to (new findings revoke the clearance, as for anyone cleared) ends it, unless it would clear
 * before the fresh screening and checks are all in (it waits for them); otherwise, once the fresh
 * screening and checks are all in, the policy decides again even on unchanged findings: a clean result
 * renews the clearance from now, anything else goes to a person. Until then the case is unchanged and
 * the previous clearance holds (or expires on its own date).
 */
export function concludeRevetting(
  before: ClearanceCase,
  c: Reconsidered,
  policy: ClearancePolicy,
  now: Date,
  newId: () => string = randomUUID,
): Reconsidered {
  const r = c.next.revetting;
  if (!r || c.next.withdrawn) return c;
  // A clearance needs the fresh checks: one the inputs would give before they are all in waits for them.
  if (c.decision?.outcome === 'cleared' && !resultsIn(c.next, r)) return { next: before };
  if (c.decision) {
    const decision: Decision = { ...c.decision, revetting: link(r) };
    const decisions = [...c.next.decisions.slice(0, -1), decision];
    return { ...c, next: close({ ...c.next, decisions }, r, now, decision.decisionId), decision };
  }
  if (!resultsIn(c.next, r) || !c.next.inputs.screening) return c;
  const ev = evaluatePolicy(policy, c.next.inputs, now);
  const decision: Decision = {
    decisionId: newId(),
    candidateRevision: c.next.inputs.screening.revision,
    outcome: ev.outcome,
    kind: 'automatic',
    route: ev.route,
    ...(ev.recommendation ? { recommendation: ev.recommendation } : {}),
    policyVersion: policy.version,
    decidedBy: 'policy',
    reasons: ev.reasons,
    ...(ev.validUntil ? { validUntil: ev.validUntil } : {}),
    decidedAt: now.toISOString(),
    findings: findingKeys(ev.findings),
    inputs: c.next.inputs,
    inputsVersion: c.next.inputsVersion,
    revetting: link(r),
  };
  return { ...c, next: close(withDecision(c.next, decision, statusOf(ev)), r, now, decision.decisionId), decision };
}

/** The person was erased: an open re-vetting ends without a decision and nothing is re-opened. */
export function eraseFromRevetting(c: ClearanceCase, now: Date): ClearanceCase | undefined {
  if (c.erasedAt) return undefined;
  const closed = c.revetting ? close(c, c.revetting, now, undefined) : c;
  const { clearedAt: _c, ...rest } = closed;
  return { ...rest, erasedAt: now.toISOString() };
}
