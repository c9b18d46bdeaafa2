/** Nomination categories (contracts/events/common.schema.json#/$defs/nomination). */
export const CATEGORIES = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer', 'civilian'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Uniformed categories: the person serves in their country's armed forces or police. */
export const UNIFORMED: readonly Category[] = ['military-contingent', 'formed-police-unit', 'individual-police', 'staff-officer'];

/** The checks the platform runs (services/references has an adapter for each). */
export const CHECK_TYPES = ['misconduct-disclosure', 'national-criminal-record', 'disciplinary-record', 'un-records'] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

/**
 * What the policy does with a finding. Only `adjudicate` exists: a finding routes to a person, and
 * no rule may refuse without one (GDPR Art. 22). `not-cleared` is named here only so that a policy
 * asking for it can be refused with the rule it breaks (policy-problems.ts).
 */
export type FindingAction = 'adjudicate';

/**
 * The one vetting policy, as data. Clearance owns and publishes it (`clearance.policy-published`);
 * references plans its checks from the same version and intake checks employment coverage against
 * its look-back window. Versions are immutable: a decision names the version it applied.
 */
export interface PolicyRules {
  /**
   * Checks each category requires. `misconduct-disclosure` means one request to each employer of
   * the look-back window (the person's own national service excepted: its disciplinary record is
   * asked instead, so national service in the window also requires `disciplinary-record`).
   */
  requiredChecks: Partial<Record<Category, CheckType[]>>;
  /** How far back employment must be accounted for and prior employers asked (MDS: five years). */
  employmentLookbackYears: number;
  /** A match a screening officer confirmed goes to an adjudicator. */
  onConfirmedMatch: FindingAction;
  /** A check nobody answered by its deadline goes to an adjudicator: absence of information never clears nor refuses. */
  onNoResponse: FindingAction;
  /** A check that could not be carried out goes to an adjudicator. */
  onFailedCheck: FindingAction;
  /** A refusal needs the candidate's response, or a recorded notice whose deadline has passed. Always true. */
  candidateResponseBeforeRefusal: true;
  /** Days a candidate has to respond to a notice of the findings before a refusal may be decided without their response. */
  noticeResponseDays: number;
  /**
   * Periodic re-vetting per category: a person cleared and still serving is vetted again (a fresh
   * screening and the checks above) `everyMonths` after their clearance, while it is still valid.
   * A category without an entry is not re-vetted on a schedule. Absent in versions published before
   * re-vetting existed.
   */
  revetting?: Partial<Record<Category, RevettingRule>>;
  validity: {
    /** A clearance holds this many months from the decision... */
    months: number;
    /** ...or until the rotation's end, when that comes first. */
    rotationEnds: { mission: string; rotation: string; endsOn: string }[];
  };
}

/** When a cleared person is vetted again. */
export interface RevettingRule {
  /** Months after the clearance decision; shorter than `validity.months`, so it opens while the clearance holds. */
  everyMonths: number;
}

export interface VettingPolicy extends PolicyRules {
  /** The published version; 0 only for the built-in rules a service uses before any version reached it. */
  version: number;
  createdBy: string;
  createdAt: string;
  note?: string;
}

/**
 * The re-vetting a policy gets when it names none: every category a month before its clearance ends
 * (continued service is vetted again before the clearance lapses); none when clearances last a month.
 */
export function defaultRevetting(validityMonths: number): Partial<Record<Category, RevettingRule>> {
  if (validityMonths < 2) return {};
  return Object.fromEntries(CATEGORIES.map((c) => [c, { everyMonths: validityMonths - 1 }]));
}

const ALL_RECORDS: CheckType[] = ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'];

/**
 * The built-in rules: every category requires the checks the platform runs — the national criminal
 * record, the UN's own records and a misconduct disclosure from each employer of the last five
 * years; uniformed personnel also their service's disciplinary record. Every finding goes to a
 * person; a candidate has 14 days to answer a notice; a clearance holds 12 months.
 */
export const BUILT_IN_RULES: PolicyRules = {
  requiredChecks: {
    'military-contingent': ALL_RECORDS,
    'formed-police-unit': ALL_RECORDS,
    'individual-police': ALL_RECORDS,
    'staff-officer': ALL_RECORDS,
    civilian: ['national-criminal-record', 'un-records', 'misconduct-disclosure'],
  },
  employmentLookbackYears: 5,
  onConfirmedMatch: 'adjudicate',
  onNoResponse: 'adjudicate',
  onFailedCheck: 'adjudicate',
  candidateResponseBeforeRefusal: true,
  noticeResponseDays: 14,
  revetting: defaultRevetting(12),
  validity: { months: 12, rotationEnds: [] },
};

/** The months after a clearance when a person of `category` is due for re-vetting, if the policy re-vets them. */
export const revettingMonths = (p: Pick<PolicyRules, 'revetting'>, category: string): number | undefined =>
  p.revetting?.[category as Category]?.everyMonths;

/** Marks the built-in rules when stored, so a newer built-in replaces an older one on start (and nothing an administrator published). */
export const BUILT_IN_NOTE = 'built-in: required checks per category, every finding to a person';

export const BUILT_IN_POLICY: VettingPolicy = {
  ...BUILT_IN_RULES,
  version: 0,
  createdBy: 'system',
  createdAt: '2026-01-01T00:00:00.000Z',
  note: BUILT_IN_NOTE,
};

/** The rules of a policy, without its version metadata (what `clearance.policy-published` carries as `rules`). */
export function rulesOf(p: PolicyRules & Partial<Pick<VettingPolicy, 'version' | 'createdBy' | 'createdAt' | 'note'>>): PolicyRules {
  const { version: _v, createdBy: _b, createdAt: _a, note: _n, ...rules } = p;
  return rules;
}
