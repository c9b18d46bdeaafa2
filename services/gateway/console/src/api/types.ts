/** The shapes the screens read, as the services' OpenAPI contracts define them (fields used only). */
export interface CandidateView {
  id: string;
  country: string;
  caseReference: string;
  status: string;
  displayName: string;
  nomination: Nomination;
  revision?: number;
  office?: string;
  selfDeclaration?: { recorded: boolean; flagged: boolean };
  employmentDeclaration?: { recorded: boolean; signedAt?: string };
  consent?: { formVersion: string; signedAt: string; method: string };
  withdrawal?: { reason: string; at: string };
  erased?: { reason: string; at: string };
  decision?: { outcome: string; decidedAt: string; validUntil?: string };
  /** The latest periodic re-vetting; the clearance holds while it is in progress. */
  revetting?: { revettingId: string; revision: number; openedAt: string; dueAt: string; inProgress: boolean };
  createdAt: string;
  timeline: { at: string; status: string; event: string }[];
  person?: Person;
}

export interface Nomination {
  mission: string;
  rotation: string;
  category: string;
}

export interface CertifiedMember {
  candidateId: string;
  caseReference: string;
  displayName?: string;
  revision: number;
  status: string;
  decidedAt?: string;
  validUntil?: string;
  listVersions: { listId: string; version: number; contentHash: string }[];
}

export interface Certificate {
  id: string;
  country: string;
  rotation: string;
  missions?: string[];
  version: number;
  supersedes?: string;
  certifiedAt: string;
  certifiedBy: string;
  statement?: string;
  contentHash: string;
  members: CertifiedMember[];
}

export interface Hit {
  listId: string;
  entryId: string;
  score: number;
  band: string;
  matchedName: { full: string; kind: string };
  queryName?: string;
  features: {
    feature: string;
    contribution: number;
    detail?: string;
    reasons?: { key: string; values?: Record<string, string | number> }[];
  }[];
  words: { query: string; listed: string; similarity: number; how: string }[];
  summary: string;
}

export interface ReviewHit {
  hit: Hit;
  entry?: Record<string, unknown>;
  resolution: { status: string; reason?: string; resolvedBy?: string; resolvedAt?: string; countersignedBy?: string };
  /** A false positive on an identifier match proposed by one officer, waiting for a second (four eyes). */
  proposal?: { proposalId: string; resolution: string; reason: string; proposedBy: string; proposedAt: string };
}

export interface Review {
  screening: {
    id: string;
    candidateId: string;
    country: string;
    outcome: string;
    screenedAt: string;
    listVersions?: { listId: string; version: number }[];
  };
  person: Record<string, unknown>;
  current: boolean;
  outcome?: string;
  hits: ReviewHit[];
}

export interface TrailStep {
  seq: number;
  time: string;
  type: string;
  kind: 'event' | 'access';
  what: string;
  actor?: string;
  outcome?: string;
  reasons?: string[];
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBroken?: { seq: number; reason: string; detail: string };
}

/** A person as nominated (contracts/openapi/intake.yaml Person). */
export interface Person {
  names: { full: string; script?: string }[];
  dateOfBirth?: string;
  placeOfBirth?: string;
  nationalities?: string[];
  gender?: 'male' | 'female' | 'other';
  documents?: { type: string; number: string; country?: string }[];
  serviceNumber?: string;
  rank?: string;
  unit?: string;
  previousEmployers?: PreviousEmployer[];
}

export interface PreviousEmployer {
  name: string;
  role: string;
  from: string;
  to?: string;
  /** The HR contact (a lead only: requests go to the directory's verified contact); none for national service. */
  contactEmail?: string;
  country?: string;
  /** The armed forces or police of the nominating country: its disciplinary record is asked. */
  nationalService?: boolean;
}

/** A signed record (consent, self-declaration): which form, when, how. */
export interface Signed {
  formVersion: string;
  signedAt: string;
  method: 'wet-signature-scanned' | 'electronic-signature' | 'recorded-verbal';
}
