import { randomUUID } from 'node:crypto';
import { AppError, badRequest, conflict, forbidden } from '@vetting/platform';
import { isDecidable } from './case-inputs';
import type { ClearanceCase, Decision, Proposal } from './clearance-case';
import { validUntil, type ClearancePolicy } from './clearance-policy';
import { evaluatePolicy, findingKeys } from './evaluate-policy';
import { withDecision } from './reconsider-case';
import { refusalBlocked } from './refusal-notice';

export interface ProposalInput {
  outcome: 'cleared' | 'not-cleared';
  reasons: string[];
  overrideReason?: string;
}

export interface CountersignatureInput {
  proposalId: string;
  approve: boolean;
  reason: string;
}

export type AdjudicationResult = { next: ClearanceCase; decision?: Decision; proposal?: Proposal };

function adjudicatedDecision(
  c: ClearanceCase,
  p: Omit<Proposal, 'proposalId' | 'proposedAt'>,
  policy: ClearancePolicy,
  now: Date,
  extra: Partial<Decision>,
  newId: () => string,
): Decision {
  const screening = c.inputs.screening!;
  return {
    decisionId: newId(),
    candidateRevision: screening.revision,
    outcome: p.outcome,
    kind: 'adjudicated',
    route: 'adjudication',
    recommendation: p.recommendation,
    policyVersion: policy.version,
    decidedBy: p.proposedBy,
    reasons: p.reasons,
    ...(p.outcome === 'cleared' ? { validUntil: validUntil(policy, c.inputs.nomination, now) } : {}),
    decidedAt: now.toISOString(),
    findings: p.findings,
    inputs: c.inputs,
    inputsVersion: c.inputsVersion,
    ...extra,
  };
}

/**
 * An adjudicator proposes an outcome with reasons. Following the policy's recommendation decides at
 * once; deciding otherwise (an override) needs a written reason and a second officer's
 * countersignature. Every refusal waits until the candidate was given notice of the findings it
 * rests on and either responded or let the notice's deadline pass (domain/refusal-notice.ts).
 */
export function proposeAdjudication(
  c: ClearanceCase,
  officer: string,
  input: ProposalInput,
  policy: ClearancePolicy,
  now: Date,
  newId: () => string = randomUUID,
): AdjudicationResult {
  if (c.status !== 'awaiting-adjudication' && c.status !== 'awaiting-countersignature')
    throw conflict('CLEARANCE.NOT_AWAITING_ADJUDICATION', `The case is ${c.status}, not awaiting adjudication`, { status: c.status });
  if (!isDecidable(c.inputs)) throw conflict('CLEARANCE.INPUTS_INCOMPLETE', 'The case does not have every input yet');
  const ev = evaluatePolicy(policy, c.inputs, now);
  if (ev.route !== 'adjudication' || !ev.recommendation)
    throw conflict('CLEARANCE.NOT_FOR_ADJUDICATION', `Under policy v${policy.version} this case is not for an adjudicator (${ev.route})`);
  const override = input.outcome !== ev.recommendation;
  const overrideReason = input.overrideReason?.trim() ?? '';
  if (override && !overrideReason)
    throw badRequest('CLEARANCE.OVERRIDE_REASON_REQUIRED', 'Deciding against the policy needs a written reason', [
      { field: 'body/overrideReason', reason: `is required when the outcome differs from the policy's (${ev.recommendation})` },
    ]);
  const blocked = input.outcome === 'not-cleared' ? refusalBlocked(c.inputs, findingKeys(ev.findings), now) : undefined;
  if (blocked) throw blocked;
  const base = {
    outcome: input.outcome,
    reasons: input.reasons,
    overrideReason,
    proposedBy: officer,
    policyVersion: policy.version,
    recommendation: ev.recommendation,
    findings: findingKeys(ev.findings),
    inputsVersion: c.inputsVersion,
  };
  if (!override) {
    const decision = adjudicatedDecision(c, base, policy, now, {}, newId);
    return { next: withDecision(c, decision, input.outcome), decision };
  }
  const proposal: Proposal = { ...base, proposalId: newId(), proposedAt: now.toISOString() };
  return { next: { ...c, status: 'awaiting-countersignature', proposal }, proposal };
}

/**
 * A second, different officer approves or rejects an override. Refused when the proposer signs
 * (403), when the proposal is not the open one, or when the inputs changed since it was made (409).
 * `policy` is the version the proposal was made under.
 */
export function countersignAdjudication(
  c: ClearanceCase,
  officer: string,
  input: CountersignatureInput,
  policy: ClearancePolicy,
  now: Date,
  newId: () => string = randomUUID,
): AdjudicationResult {
  const p = c.proposal;
  if (!p) throw conflict('CLEARANCE.NO_OPEN_PROPOSAL', 'There is no proposal awaiting a countersignature');
  if (p.proposalId !== input.proposalId)
    throw conflict('CLEARANCE.PROPOSAL_SUPERSEDED', 'This proposal is no longer the open one', { openProposalId: p.proposalId });
  if (p.proposedBy === officer) throw forbidden('CLEARANCE.SAME_OFFICER', 'The officer who proposed a decision cannot countersign it');
  if (p.inputsVersion !== c.inputsVersion || c.status !== 'awaiting-countersignature')
    throw conflict('CLEARANCE.INPUTS_CHANGED', 'The case inputs changed after the proposal: it must be proposed again on the new inputs');
  if (p.policyVersion !== policy.version)
    throw new AppError('CLEARANCE.POLICY_MISMATCH', 'Countersignature checked against the wrong policy version', { status: 500 });
  const reason = input.reason.trim();
  if (!reason)
    throw badRequest('CLEARANCE.REASON_REQUIRED', 'A countersignature needs a written reason', [
      { field: 'body/reason', reason: 'must not be blank' },
    ]);
  const { proposal: _p, ...rest } = c;
  // Checked again at the second signature: the rule must hold when the refusal takes effect.
  const blocked = input.approve && p.outcome === 'not-cleared' ? refusalBlocked(c.inputs, p.findings, now) : undefined;
  if (blocked) throw blocked;
  if (!input.approve) {
    const rejected = { ...p, rejectedBy: officer, rejectedAt: now.toISOString(), rejectionReason: reason };
    return { next: { ...rest, status: 'awaiting-adjudication', rejectedProposals: [...c.rejectedProposals, rejected] } };
  }
  const decision = adjudicatedDecision(
    c,
    p,
    policy,
    now,
    { countersignedBy: officer, overrideReason: p.overrideReason, countersignatureReason: reason },
    newId,
  );
  return { next: withDecision(rest, decision, p.outcome), decision };
}
