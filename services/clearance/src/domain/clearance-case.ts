import type { CaseInputs } from './case-inputs';
import type { Route } from './evaluate-policy';
import type { ClosedRevetting, Revetting, RevettingLink } from './revetting';

export type Outcome = 'cleared' | 'not-cleared' | 'pending-review';

/** A decision and everything it rested on: enough to replay it (domain/replay-decision.ts). */
export interface Decision {
  decisionId: string;
  candidateRevision: number;
  outcome: Outcome;
  /** `automatic`: the policy decided; `adjudicated`: an officer did (and, for an override, a second one countersigned). */
  kind: 'automatic' | 'adjudicated';
  route: Route;
  /** What the policy would decide; an adjudicated outcome that differs is an override. */
  recommendation?: 'not-cleared';
  policyVersion: number;
  decidedBy: string;
  countersignedBy?: string;
  reasons: string[];
  overrideReason?: string;
  countersignatureReason?: string;
  validUntil?: string;
  decidedAt: string;
  /** Keys of the findings (evaluate-policy.ts) the decision saw. */
  findings: string[];
  inputs: CaseInputs;
  inputsVersion: number;
  /** Set when the decision ended a periodic re-vetting: the clearance it renews. */
  revetting?: RevettingLink;
}

/** A proposed adjudication waiting for its countersignature (four eyes). */
export interface Proposal {
  proposalId: string;
  outcome: 'cleared' | 'not-cleared';
  reasons: string[];
  overrideReason: string;
  proposedBy: string;
  proposedAt: string;
  policyVersion: number;
  recommendation: 'not-cleared';
  findings: string[];
  /** The inputs it was made on: a countersignature on other inputs is refused. */
  inputsVersion: number;
}

export interface RejectedProposal extends Proposal {
  rejectedBy: string;
  rejectedAt: string;
  rejectionReason: string;
}

/** Raised for the office and the UN when a clearance is revoked. */
export interface Flag {
  flagId: string;
  kind: 'clearance-revoked';
  raisedAt: string;
  revokedDecisionId: string;
  /** For UN officers: which kind of new information (no allegation details). */
  reason: string;
  newFindings: string[];
  /** Who acknowledged the flag for each party it was raised to (at most one each). */
  acknowledgements?: FlagAcknowledgement[];
}

/** The parties a flag is raised to: the TCC recruitment office and the UN. */
export type FlagParty = 'office' | 'un';

export interface FlagAcknowledgement {
  party: FlagParty;
  by: string;
  at: string;
  note?: string;
}

export type CaseStatus =
  | 'awaiting-inputs'
  | 'awaiting-screening-review'
  | 'awaiting-adjudication'
  | 'awaiting-countersignature'
  | 'cleared'
  | 'not-cleared'
  | 'expired'
  | 'withdrawn';

export interface ClearanceCase {
  candidateId: string;
  country: string;
  status: CaseStatus;
  inputs: CaseInputs;
  /** Incremented by every change of the inputs. */
  inputsVersion: number;
  decisions: Decision[];
  proposal?: Proposal;
  rejectedProposals: RejectedProposal[];
  flags: Flag[];
  /** Set while cleared: when the clearance ends (the expiry job's query). */
  validUntil?: string;
  /** Set while flagged, for GET /flags. */
  flagged?: boolean;
  lastFlaggedAt?: string;
  expiredDecisionIds: string[];
  withdrawn?: { reason: string; at: string };
  /** Set while cleared: when the active clearance was decided (the re-vetting job's query). */
  clearedAt?: string;
  /** A periodic re-vetting in progress (domain/revetting.ts), and those that ended. */
  revetting?: Revetting;
  revettings?: ClosedRevetting[];
  /** Intake erased the person: nothing is re-opened for them. */
  erasedAt?: string;
}

export const emptyCase = (candidateId: string, country: string): ClearanceCase => ({
  candidateId,
  country,
  status: 'awaiting-inputs',
  inputs: { candidateResponses: [], notices: [] },
  inputsVersion: 0,
  decisions: [],
  rejectedProposals: [],
  flags: [],
  expiredDecisionIds: [],
});

/** The decision a clearance rests on, while the case is cleared. */
export const activeClearance = (c: ClearanceCase): Decision | undefined =>
  c.status === 'cleared' ? c.decisions.findLast((d) => d.outcome === 'cleared') : undefined;
