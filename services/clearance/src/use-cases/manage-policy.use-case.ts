import { randomUUID } from 'node:crypto';
import { BUILT_IN_RULES, defaultRevetting, policyProblems, type PolicyRules } from '@vetting/policy';
import { badRequest, type Actor } from '@vetting/platform';
import type { PolicyRepository } from '../data/policy.repository';

/** A policy as submitted: the rules that have a safe built-in value may be left out. */
export type PolicyInput = Pick<PolicyRules, 'requiredChecks' | 'validity'> &
  Partial<Omit<PolicyRules, 'requiredChecks' | 'validity'>> & { note?: string };

/**
 * POST /policies: publishes a new version of the one vetting policy; it applies to every decision
 * made from now on (decisions already made keep the version they name) and, once references and
 * intake receive `clearance.policy-published`, to the checks they plan and the employment they
 * require. The contract checks the shape; packages/policy the rules no version may break: a policy
 * that would refuse without a person is a 400 naming the rule (`CLEARANCE.AUTOMATIC_REFUSAL`).
 */
export async function publishPolicy(
  actor: Actor,
  input: PolicyInput,
  deps: { policies: PolicyRepository; now: () => Date; onEvents: () => void },
  key: string = randomUUID(),
) {
  const problems = policyProblems(input as unknown as Record<string, unknown>).map((p) => ({ field: `body/${p.field}`, reason: p.reason }));
  if (problems.length) {
    const refusal = problems.some((p) => /^body\/(on[A-Z]\w+|candidateResponseBeforeRefusal)$/.test(p.field));
    throw badRequest(
      refusal ? 'CLEARANCE.AUTOMATIC_REFUSAL' : 'CLEARANCE.INVALID_POLICY',
      refusal
        ? 'The policy would refuse candidates without a person: every refusal is an adjudicator’s decision'
        : 'The policy is not valid',
      problems,
    );
  }
  const { note, ...given } = input;
  // Without re-vetting rules a version re-vets every category a month before its own validity ends.
  const rules: PolicyRules = {
    ...BUILT_IN_RULES,
    revetting: defaultRevetting(given.validity.months),
    ...given,
    onConfirmedMatch: 'adjudicate',
    onNoResponse: 'adjudicate',
    onFailedCheck: 'adjudicate',
    candidateResponseBeforeRefusal: true,
  };
  const policy = await deps.policies.publish(
    { ...rules, ...(note ? { note } : {}), createdBy: actor.id, createdAt: deps.now().toISOString() },
    `policy:${actor.id}:${key}`,
  );
  deps.onEvents(); // clearance.policy-published: the audit trail, references and intake
  return policy;
}
