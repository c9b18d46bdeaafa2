import { CATEGORIES, CHECK_TYPES, UNIFORMED, type CheckType } from './vetting-policy';

/** A rule a submitted policy breaks; `field` is a path inside the policy (`onNoResponse`, `requiredChecks/civilian`). */
export interface PolicyProblem {
  field: string;
  reason: string;
}

/**
 * Checks no version may drop: the ones this scheme exists for. A misconduct disclosure from prior
 * employers and the UN's own records for everyone; the service's disciplinary record for uniformed
 * personnel. A policy without them would clear people nobody asked about.
 */
export const FLOOR: Record<'everyone' | 'uniformed', readonly CheckType[]> = {
  everyone: ['misconduct-disclosure', 'un-records'],
  uniformed: ['disciplinary-record'],
};

const ACTIONS = ['onConfirmedMatch', 'onNoResponse', 'onFailedCheck'] as const;

const WHY_ACTION: Record<(typeof ACTIONS)[number], string> = {
  onConfirmedMatch: 'a confirmed match is adverse information the candidate has a right to answer',
  onNoResponse: 'a check nobody answered is absence of information, not evidence',
  onFailedCheck: 'a check that could not be carried out is absence of information, not evidence',
};

/**
 * The rules a published policy must keep, whatever its shape allows. Each problem names the field
 * and the rule: no automatic refusal (every refusal is an adjudicator's, GDPR Art. 22), the
 * candidate's right to respond, the required-check floor, and checks the platform can run.
 */
export function policyProblems(input: Record<string, unknown>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const action of ACTIONS) {
    const value = input[action];
    if (value !== undefined && value !== 'adjudicate')
      problems.push({
        field: action,
        reason: `must be adjudicate: ${String(value)} would refuse without a person (${WHY_ACTION[action]}); every refusal is an adjudicator's decision`,
      });
  }
  if (input.candidateResponseBeforeRefusal !== undefined && input.candidateResponseBeforeRefusal !== true)
    problems.push({
      field: 'candidateResponseBeforeRefusal',
      reason: 'must be true: a refusal waits for the candidate’s response or for the deadline of a recorded notice',
    });
  const required = (input.requiredChecks ?? {}) as Record<string, unknown>;
  for (const category of CATEGORIES) {
    const checks = required[category];
    if (!Array.isArray(checks)) {
      problems.push({ field: `requiredChecks/${category}`, reason: 'is required: every category lists the checks it needs' });
      continue;
    }
    const unknown = checks.filter((c) => !(CHECK_TYPES as readonly unknown[]).includes(c));
    if (unknown.length)
      problems.push({
        field: `requiredChecks/${category}`,
        reason: `names checks the platform cannot run: ${unknown.join(', ')} (known: ${CHECK_TYPES.join(', ')})`,
      });
    if (new Set(checks).size !== checks.length) problems.push({ field: `requiredChecks/${category}`, reason: 'lists a check twice' });
    const floor = [...FLOOR.everyone, ...(UNIFORMED.includes(category) ? FLOOR.uniformed : [])];
    const missing = floor.filter((c) => !checks.includes(c));
    if (missing.length)
      problems.push({
        field: `requiredChecks/${category}`,
        reason: `must include ${missing.join(', ')}: no version may clear ${category} personnel without ${missing.length > 1 ? 'them' : 'it'}`,
      });
  }
  const validity = input.validity as { months?: number; rotationEnds?: { mission: string; rotation: string }[] } | undefined;
  problems.push(...revettingProblems(input.revetting, validity?.months));
  (validity?.rotationEnds ?? []).forEach((r, i, all) => {
    if (all.findIndex((o) => o.mission === r.mission && o.rotation === r.rotation) !== i)
      problems.push({ field: `validity/rotationEnds/${i}`, reason: `repeats mission ${r.mission} rotation ${r.rotation}` });
  });
  return problems;
}

/**
 * Re-vetting intervals per category: a whole number of months shorter than the clearance's validity
 * (a re-vetting due after the clearance ended would find nobody to re-vet: the person needs a new
 * nomination then), and only for categories the platform knows.
 */
export function revettingProblems(revetting: unknown, validityMonths: number | undefined): PolicyProblem[] {
  if (revetting === undefined) return [];
  if (!revetting || typeof revetting !== 'object' || Array.isArray(revetting))
    return [{ field: 'revetting', reason: 'must be an object of re-vetting rules by category' }];
  const problems: PolicyProblem[] = [];
  for (const [category, rule] of Object.entries(revetting as Record<string, unknown>)) {
    const field = `revetting/${category}`;
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      problems.push({ field, reason: `is not a category (known: ${CATEGORIES.join(', ')})` });
      continue;
    }
    const months = (rule as { everyMonths?: unknown } | null)?.everyMonths;
    if (typeof months !== 'number' || !Number.isInteger(months) || months < 1)
      problems.push({ field: `${field}/everyMonths`, reason: `must be a whole number of months, at least 1: ${JSON.stringify(months)}` });
    else if (validityMonths !== undefined && months >= validityMonths)
      problems.push({
        field: `${field}/everyMonths`,
        reason: `must be shorter than validity/months (${validityMonths}): a clearance ends before a re-vetting after ${months} months would open`,
      });
  }
  return problems;
}
