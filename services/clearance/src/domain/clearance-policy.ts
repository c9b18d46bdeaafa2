import type { PolicyRules, VettingPolicy } from '@vetting/policy';

export { BUILT_IN_POLICY, BUILT_IN_RULES, CATEGORIES, type Category, type FindingAction, type PolicyRules } from '@vetting/policy';

/**
 * The policy clearance applies is the one vetting policy (packages/policy): the same version plans
 * the checks references runs. Versions are immutable: each decision records the version it applied,
 * so it can be replayed later with exactly the rules it was made under.
 */
export type ClearancePolicy = VettingPolicy;

/** `date` moved by whole calendar months (negative: back), in UTC. */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** The end of a clearance decided at `at`: N months, or the rotation's end (end of that day, UTC) when sooner. */
export function validUntil(
  policy: Pick<PolicyRules, 'validity'>,
  nomination: { mission: string; rotation: string } | undefined,
  at: Date,
): string {
  const byMonths = addMonths(at, policy.validity.months);
  const rotation =
    nomination && policy.validity.rotationEnds.find((r) => r.mission === nomination.mission && r.rotation === nomination.rotation);
  const byRotation = rotation ? new Date(`${rotation.endsOn}T23:59:59.999Z`) : undefined;
  return (byRotation && byRotation < byMonths ? byRotation : byMonths).toISOString();
}
