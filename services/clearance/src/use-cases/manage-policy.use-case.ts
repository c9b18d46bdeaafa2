import { randomUUID } from 'node:crypto';
import { badRequest, type Actor } from '@vetting/platform';
import type { PolicyRules } from '../domain/clearance-policy';
import type { PolicyRepository } from '../data/policy.repository';

export type PolicyInput = PolicyRules & { note?: string };

/**
 * POST /policies: publishes a new version; it applies to every decision made from now on (decisions
 * already made keep the version they name). The contract checks the shape; this checks meaning.
 */
export async function publishPolicy(actor: Actor, input: PolicyInput, deps: { policies: PolicyRepository; now: () => Date; onEvents: () => void }, key: string = randomUUID()) {
  const problems = input.validity.rotationEnds.flatMap((r, i) => {
    const seen = input.validity.rotationEnds.findIndex((o) => o.mission === r.mission && o.rotation === r.rotation);
    return seen !== i ? [{ field: `body/validity/rotationEnds/${i}`, reason: `repeats mission ${r.mission} rotation ${r.rotation}` }] : [];
  });
  for (const [category, checks] of Object.entries(input.requiredChecks))
    if (new Set(checks).size !== (checks ?? []).length) problems.push({ field: `body/requiredChecks/${category}`, reason: 'lists a check twice' });
  if (problems.length) throw badRequest('CLEARANCE.INVALID_POLICY', 'The policy is not valid', problems);
  const policy = await deps.policies.publish({ ...input, createdBy: actor.id, createdAt: deps.now().toISOString() }, `policy:${actor.id}:${key}`);
  deps.onEvents(); // clearance.policy-published, for the audit trail
  return policy;
}
