import { DECLARATION_ITEMS } from '@vetting/contracts/values';

/** A nominated person as intake keeps them. Plain data: no database types leave data/. */
export type CandidateStatus =
  'nominated' | 'screening' | 'references' | 'decision-pending' | 'cleared' | 'not-cleared' | 'withdrawn' | 'expired';

export interface Nomination {
  mission: string;
  rotation: string;
  category: 'military-contingent' | 'formed-police-unit' | 'individual-police' | 'staff-officer' | 'civilian';
}

export interface Person {
  names: { full: string; script?: string }[];
  dateOfBirth?: string;
  placeOfBirth?: string;
  nationalities?: string[];
  gender?: 'male' | 'female' | 'other';
  documents?: { type: 'passport' | 'national-id' | 'military-id' | 'police-id' | 'other'; number: string; country?: string }[];
  serviceNumber?: string;
  rank?: string;
  unit?: string;
  /** Employment of the policy's look-back window, national service included (domain/employment-coverage.ts). */
  previousEmployers?: PreviousEmployer[];
}

export interface PreviousEmployer {
  name: string;
  role: string;
  /** The HR contact the office gives; a disclosure request goes to the UN directory's verified contact instead. */
  contactEmail?: string;
  country?: string;
  from: string;
  to?: string;
  /** The nominating country's armed forces or police: asked through the disciplinary-record check. */
  nationalService?: boolean;
}

/** The candidate's signed declaration that they had no employer in the look-back window other than those listed. */
export interface EmploymentDeclaration {
  noOtherEmployer: true;
  formVersion: string;
  signedAt: string;
  method: Consent['method'];
}

export interface Consent {
  given: boolean;
  formVersion: string;
  signedAt: string;
  method: 'wet-signature-scanned' | 'electronic-signature' | 'recorded-verbal';
}

/** The UN human-rights screening self-certification, as the candidate signed it. */
export interface SelfDeclaration {
  formVersion: string;
  signedAt: string;
  method: Consent['method'];
  criminalOffence: boolean;
  humanRightsViolation: boolean;
  repatriatedOnDisciplinaryGrounds: boolean;
  /** The subject of an allegation or investigation of sexual exploitation, abuse or harassment. */
  misconductAllegation?: boolean;
  explanation?: string;
}

/** The items the candidate answered "yes" to: each is a finding for the UN adjudicator. */
export const declaredItems = (d: SelfDeclaration | undefined) => DECLARATION_ITEMS.filter((item) => d?.[item] === true);

/** A declaration answering "yes" to any item is flagged to the UN. */
export const declarationFlagged = (d: SelfDeclaration | undefined) => declaredItems(d).length > 0;

export interface ListVersionRef {
  listId: string;
  version: number;
  contentHash: string;
}

export interface TimelineEntry {
  at: string;
  status: CandidateStatus;
  event: string;
}

export interface Decision {
  outcome: 'cleared' | 'not-cleared' | 'pending-review';
  decidedAt: string;
  validUntil?: string;
  /** The candidate revision decided on (absent in decisions recorded before it was kept). */
  candidateRevision?: number;
  /** The list versions of the screening the decision rests on (from clearance.decided). */
  listVersions?: ListVersionRef[];
}

export interface Candidate {
  id: string;
  country: string;
  caseReference: string;
  officeId: string;
  nomination: Nomination;
  person: Person;
  consent: Consent;
  selfDeclaration?: SelfDeclaration;
  employmentDeclaration?: EmploymentDeclaration;
  /** Stored for queries: true when the self-declaration answered "yes" to any item. */
  declarationFlagged: boolean;
  status: CandidateStatus;
  revision: number;
  screeningDone: boolean;
  referencesDone: boolean;
  decision?: Decision;
  /** The ban-list versions the current revision was screened against (from screening.completed; no hits). */
  screenedAgainst?: ListVersionRef[];
  withdrawal?: { reason: string; at: string };
  /** Set when the person's data was erased (retention or a request): only ids and statuses remain. */
  erased?: { at: string; reason: string };
  /** The latest periodic re-vetting clearance opened (clearance.revetting-opened): in progress until a decision after `openedAt`. */
  revetting?: CandidateRevetting;
  /** Dedupe keys claimed for this candidate (see dedupe-keys.ts). */
  dedupeKeys: string[];
  /** Set when the candidate came from a bulk upload. */
  upload?: { uploadId: string; row: number };
  timeline: TimelineEntry[];
  createdAt: string;
  updatedAt?: string;
}

export interface CandidateRevetting {
  /** The revision opened for it: the re-vetting is in progress until a decision on it (or a later one). */
  revision: number;
  revettingId: string;
  previousDecisionId: string;
  openedAt: string;
  dueAt: string;
}

/** What a TCC office may see: outcome and case reference, never hits or reference contents. */
export interface CandidateView {
  id: string;
  country: string;
  caseReference: string;
  status: CandidateStatus;
  nomination: Nomination;
  displayName: string;
  revision: number;
  office: string;
  selfDeclaration: { recorded: boolean; flagged: boolean };
  employmentDeclaration: { recorded: boolean; signedAt?: string };
  consent: { formVersion: string; signedAt: string; method: string };
  person?: Person;
  decision?: Decision;
  withdrawal?: { reason: string; at: string };
  erased?: { at: string; reason: string };
  revetting?: CandidateRevetting & { inProgress: boolean };
  createdAt: string;
  timeline: TimelineEntry[];
}

/** Identity-document numbers are never shown back (DESIGN: an office never sees them); the last 3 characters help tell documents apart. */
const mask = (n: string) => `${'•'.repeat(Math.max(0, n.length - 3))}${n.slice(-3)}`;

/** The name an office sees for a candidate; an erased person has none left. */
export const displayNameOf = (c: Pick<Candidate, 'erased' | 'person'>) => (c.erased ? '(erased)' : (c.person.names[0]?.full ?? ''));

/** What an office sees; `withPerson` for single reads (the person as nominated, documents masked). */
export function toView(c: Candidate, withPerson = false): CandidateView {
  return {
    id: c.id,
    country: c.country,
    caseReference: c.caseReference,
    status: c.status,
    nomination: c.nomination,
    displayName: displayNameOf(c),
    revision: c.revision,
    office: c.officeId,
    selfDeclaration: { recorded: Boolean(c.selfDeclaration), flagged: declarationFlagged(c.selfDeclaration) },
    employmentDeclaration: {
      recorded: Boolean(c.employmentDeclaration),
      ...(c.employmentDeclaration ? { signedAt: c.employmentDeclaration.signedAt } : {}),
    },
    consent: { formVersion: c.consent.formVersion, signedAt: c.consent.signedAt, method: c.consent.method },
    ...(withPerson && !c.erased
      ? {
          person: {
            ...c.person,
            ...(c.person.documents ? { documents: c.person.documents.map((d) => ({ ...d, number: mask(d.number) })) } : {}),
          },
        }
      : {}),
    ...(c.decision ? { decision: c.decision } : {}),
    ...(c.withdrawal ? { withdrawal: c.withdrawal } : {}),
    ...(c.erased ? { erased: c.erased } : {}),
    // In progress until a decision on its revision (the clearance holds meanwhile).
    ...(c.revetting
      ? {
          revetting: {
            ...c.revetting,
            inProgress: !c.erased && c.status !== 'withdrawn' && (c.decision?.candidateRevision ?? 0) < c.revetting.revision,
          },
        }
      : {}),
    createdAt: c.createdAt,
    timeline: c.timeline,
  };
}
