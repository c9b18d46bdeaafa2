import { randomUUID } from 'node:crypto';
import { applyPolicy, type ClearancePolicy, type ReferencesInput, type ScreeningInput } from './clearance-policy';

export interface Decision {
  decisionId: string;
  candidateRevision: number;
  outcome: 'cleared' | 'not-cleared' | 'pending-review';
  policyVersion: number;
  decidedBy: string;
  reasons: string[];
  validUntil?: string;
  decidedAt: string;
  inputs: { screening: ScreeningInput; references: ReferencesInput };
}

export interface ClearanceCase {
  candidateId: string;
  country: string;
  screening?: ScreeningInput;
  references?: ReferencesInput;
  decisions: Decision[];
  withdrawn?: boolean;
}

export type CaseInput = { kind: 'screening'; value: ScreeningInput } | { kind: 'references'; value: ReferencesInput };

/**
 * Folds a new input into the case and decides when both inputs of the same candidate revision are
 * there and that revision has no decision yet. Inputs of an older revision than the one held are ignored.
 */
export function foldInput(current: ClearanceCase, input: CaseInput, policy: ClearancePolicy, now: Date, newId: () => string = randomUUID) {
  const held = current[input.kind];
  if (held && held.revision > input.value.revision) return undefined;
  const next: ClearanceCase = { ...current, [input.kind]: input.value };
  const { screening, references } = next;
  let decision: Decision | undefined;
  const alreadyDecided = next.decisions.some((d) => d.candidateRevision === screening?.revision);
  if (!next.withdrawn && screening && references && screening.revision === references.revision && !alreadyDecided) {
    const result = applyPolicy(policy, screening, references, now);
    decision = {
      decisionId: newId(),
      candidateRevision: screening.revision,
      ...result,
      policyVersion: policy.version,
      decidedBy: 'policy',
      decidedAt: now.toISOString(),
      inputs: { screening, references },
    };
  }
  return { next, decision };
}
