/** Nomination categories (contracts/events/common.schema.json#/$defs/nomination). */
export const CATEGORIES = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer', 'civilian'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What the policy does with a kind of finding that is not clean. */
export type FindingAction = 'adjudicate' | 'not-cleared';

/**
 * A clearance policy, as data. Versions are immutable: each decision records the version it applied,
 * so it can be replayed later with exactly the rules it was made under.
 */
export interface PolicyRules {
  /** Checks each category needs; a needed check without a clean result is a finding. */
  requiredChecks: Partial<Record<Category, string[]>>;
  /** A match a screening officer confirmed: straight to not-cleared, or to an adjudicator (default). */
  onConfirmedMatch: FindingAction;
  /** A check nobody answered by its deadline: absence of information is itself a result. */
  onNoResponse: FindingAction;
  /** A check that could not be carried out. */
  onFailedCheck: FindingAction;
  /** Before an adjudicator refuses on adverse information, the candidate's response must be on file. */
  candidateResponseBeforeRefusal: boolean;
  validity: {
    /** A clearance holds this many months from the decision... */
    months: number;
    /** ...or until the rotation's end, when that comes first. */
    rotationEnds: { mission: string; rotation: string; endsOn: string }[];
  };
}

export interface ClearancePolicy extends PolicyRules {
  version: number;
  createdBy: string;
  createdAt: string;
  note?: string;
}

/**
 * Version 1, stored when the service first starts. It requires no checks (as the references
 * service ships), sends every finding to a person and clears for 12 months.
 */
export const DEFAULT_RULES: PolicyRules = {
  requiredChecks: {},
  onConfirmedMatch: 'adjudicate',
  onNoResponse: 'adjudicate',
  onFailedCheck: 'adjudicate',
  candidateResponseBeforeRefusal: true,
  validity: { months: 12, rotationEnds: [] },
};

export const DEFAULT_POLICY: ClearancePolicy = { ...DEFAULT_RULES, version: 1, createdBy: 'system', createdAt: '2026-01-01T00:00:00.000Z', note: 'built-in default' };

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** The end of a clearance decided at `at`: N months, or the rotation's end (end of that day, UTC) when sooner. */
export function validUntil(policy: PolicyRules, nomination: { mission: string; rotation: string } | undefined, at: Date): string {
  const byMonths = addMonths(at, policy.validity.months);
  const rotation = nomination && policy.validity.rotationEnds.find((r) => r.mission === nomination.mission && r.rotation === nomination.rotation);
  const byRotation = rotation ? new Date(`${rotation.endsOn}T23:59:59.999Z`) : undefined;
  return (byRotation && byRotation < byMonths ? byRotation : byMonths).toISOString();
}
