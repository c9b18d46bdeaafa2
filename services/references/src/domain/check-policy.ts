/** Kinds of reference and record checks. */
export type CheckType = 'misconduct-disclosure' | 'national-criminal-record' | 'disciplinary-record' | 'un-records';

export type NominationCategory = 'military-contingent' | 'formed-police-unit' | 'individual-police' | 'staff-officer' | 'civilian';

/**
 * Which checks each nomination category needs. The foundation ships with none required, so the
 * thin slice completes at once; the reference-checks work (issue D) fills this policy in.
 */
export type CheckPolicy = Record<NominationCategory, CheckType[]>;

export const DEFAULT_CHECK_POLICY: CheckPolicy = {
  'military-contingent': [],
  'formed-police-unit': [],
  'individual-police': [],
  'staff-officer': [],
  civilian: [],
};

export function requiredChecks(policy: CheckPolicy, category: NominationCategory): CheckType[] {
  return policy[category] ?? [];
}
