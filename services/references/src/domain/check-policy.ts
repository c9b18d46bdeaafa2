import { z } from 'zod';

/** Kinds of reference and record checks. */
export const CHECK_TYPES = ['misconduct-disclosure', 'national-criminal-record', 'disciplinary-record', 'un-records'] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

export const NOMINATION_CATEGORIES = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer', 'civilian'] as const;
export type NominationCategory = (typeof NOMINATION_CATEGORIES)[number];

/**
 * Which checks each nomination category needs, versioned: every reference set records the policy
 * version it was opened under, so a decision can be traced to the rules of its day.
 */
export const checkPolicySchema = z.object({
  version: z.number().int().positive(),
  categories: z.record(z.enum(NOMINATION_CATEGORIES), z.array(z.enum(CHECK_TYPES))),
  /** How far back prior employers are asked (MDS asks about the last five years). */
  disclosureYears: z.number().int().positive().default(5),
});
export type CheckPolicy = z.infer<typeof checkPolicySchema>;

/**
 * Default policy (version 2). Uniformed personnel get their service's disciplinary record; everyone
 * gets the national criminal record and the UN records; misconduct disclosure is asked of each prior
 * employer of the last five years when the nomination lists any (civilians and individual police
 * officers usually have them).
 */
export const DEFAULT_CHECK_POLICY: CheckPolicy = {
  version: 2,
  disclosureYears: 5,
  categories: {
    'military-contingent': ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'],
    'formed-police-unit': ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'],
    'individual-police': ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'],
    'staff-officer': ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'],
    civilian: ['national-criminal-record', 'un-records', 'misconduct-disclosure'],
  },
};

/** Parses a policy document (from CHECK_POLICY_FILE); throws naming the bad field. */
export function parseCheckPolicy(json: unknown): CheckPolicy {
  const parsed = checkPolicySchema.safeParse(json);
  if (!parsed.success) throw new Error(`Invalid check policy: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function requiredChecks(policy: CheckPolicy, category: NominationCategory): CheckType[] {
  return policy.categories[category] ?? [];
}
