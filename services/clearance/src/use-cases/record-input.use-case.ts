import { createEvent } from '@vetting/platform';
import { foldInput, type CaseInput, type Decision } from '../domain/clearance-case';
import type { ClearancePolicy } from '../domain/clearance-policy';
import type { CaseChange, ClearanceCaseRepository } from '../data/clearance-case.repository';

export interface RecordDeps {
  repository: ClearanceCaseRepository;
  policy: ClearancePolicy;
  now: () => Date;
  onEvents: () => void;
}

export function decidedEvent(candidateId: string, country: string, d: Decision) {
  return createEvent('clearance', {
    type: 'clearance.decided',
    subject: candidateId,
    tenant: country,
    data: {
      candidateId,
      country,
      decisionId: d.decisionId,
      outcome: d.outcome,
      policyVersion: d.policyVersion,
      decidedBy: d.decidedBy,
      reasons: d.reasons,
      ...(d.validUntil ? { validUntil: d.validUntil } : {}),
      inputs: {
        screening: { screeningId: d.inputs.screening.screeningId, outcome: d.inputs.screening.outcome, listVersions: d.inputs.screening.listVersions },
        references: d.inputs.references.checks,
      },
    },
  });
}

/**
 * Records a screening or references result on the candidate's case and, when the case becomes
 * decidable, the policy's decision with its `clearance.decided` event, in the same update.
 */
export async function recordInput(candidateId: string, country: string, eventId: string, input: CaseInput, deps: RecordDeps) {
  let decided: Decision | undefined;
  const outcome = await deps.repository.apply(candidateId, country, eventId, (current): CaseChange | undefined => {
    const folded = foldInput(current, input, deps.policy, deps.now());
    if (!folded) return undefined;
    decided = folded.decision;
    const next = decided ? { ...folded.next, decisions: [...folded.next.decisions, decided] } : folded.next;
    return { next, events: decided ? [decidedEvent(candidateId, country, decided)] : [] };
  });
  if (outcome === 'applied' && decided) deps.onEvents();
  return { outcome, decision: outcome === 'applied' ? decided : undefined };
}
