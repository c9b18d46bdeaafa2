import { randomUUID } from 'node:crypto';
import { conflict, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import {
  countersignAdjudication,
  proposeAdjudication,
  type AdjudicationResult,
  type CountersignatureInput,
  type ProposalInput,
} from '../domain/adjudication';
import type { ClearanceCase } from '../domain/clearance-case';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';
import type { PolicyRepository } from '../data/policy.repository';
import { decidedEvent } from './clearance.events';

export interface AdjudicateDeps {
  repository: ClearanceCaseRepository;
  policies: PolicyRepository;
  access: AccessRecorder;
  now: () => Date;
  onEvents: () => void;
}

async function existing(deps: AdjudicateDeps, candidateId: string): Promise<ClearanceCase> {
  const found = await deps.repository.find(candidateId);
  if (!found) throw notFound('CLEARANCE.NOT_FOUND', 'No clearance case for this candidate');
  return found;
}

/** Runs one adjudication step as a single stored revision; a retried command (same key) applies once. */
async function step(
  deps: AdjudicateDeps,
  actor: Actor,
  c: ClearanceCase,
  cause: string,
  run: (current: ClearanceCase) => AdjudicationResult,
) {
  let result: AdjudicationResult | undefined;
  const stored = await deps.repository.apply(c.candidateId, c.country, cause, (current) => {
    result = run(current);
    return { next: result.next, events: result.decision ? [decidedEvent(current.candidateId, current.country, result.decision)] : [] };
  });
  if (stored.outcome === 'applied' && result?.decision) deps.onEvents();
  const now = stored.case ?? result?.next ?? c;
  // The answer carries the decision with its inputs: a read of the person's case like any other.
  await deps.access.record({
    actor,
    subjectId: c.candidateId,
    resource: 'clearance/adjudication',
    purpose: 'adjudicate clearance',
    fields: ['decision', 'proposal'],
  });
  return {
    candidateId: now.candidateId,
    status: now.status,
    ...(now.proposal ? { proposal: now.proposal } : {}),
    ...(stored.outcome === 'applied' && result?.decision ? { decision: result.decision } : {}),
    replayed: stored.outcome === 'duplicate',
  };
}

/** POST /cases/{id}/adjudication: an adjudicator proposes; following the policy decides at once. */
export async function proposeOutcome(
  actor: Actor,
  candidateId: string,
  input: ProposalInput,
  deps: AdjudicateDeps,
  key: string = randomUUID(),
) {
  const c = await existing(deps, candidateId);
  const policy = await deps.policies.active();
  const now = deps.now();
  return step(deps, actor, c, `propose:${actor.id}:${key}`, (current) => proposeAdjudication(current, actor.id, input, policy, now));
}

/** POST /cases/{id}/adjudication/countersignature: a second officer approves or rejects an override. */
export async function countersignOutcome(
  actor: Actor,
  candidateId: string,
  input: CountersignatureInput,
  deps: AdjudicateDeps,
  key: string = randomUUID(),
) {
  const c = await existing(deps, candidateId);
  const cause = `countersign:${actor.id}:${key}`;
  // A retry after the proposal was decided answers as the first time (step finds the cause).
  const proposal = c.proposal ?? ((await deps.repository.byCause(candidateId, cause)) ? c.decisions.at(-1) : undefined);
  if (!proposal) throw conflict('CLEARANCE.NO_OPEN_PROPOSAL', 'There is no proposal awaiting a countersignature');
  const policy = await deps.policies.version(proposal.policyVersion);
  const now = deps.now();
  return step(deps, actor, c, cause, (current) => countersignAdjudication(current, actor.id, input, policy, now));
}
