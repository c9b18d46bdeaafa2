/** A nominated person as intake keeps them. Plain data: no database types leave data/. */
export type CandidateStatus =
  | 'nominated'
  | 'screening'
  | 'references'
  | 'decision-pending'
  | 'cleared'
  | 'not-cleared'
  | 'withdrawn'
  | 'expired';

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
}

export interface Consent {
  given: boolean;
  formVersion: string;
  signedAt: string;
  method: 'wet-signature-scanned' | 'electronic-signature' | 'recorded-verbal';
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
}

export interface Candidate {
  id: string;
  country: string;
  caseReference: string;
  officeId: string;
  nomination: Nomination;
  person: Person;
  consent: Consent;
  status: CandidateStatus;
  revision: number;
  screeningDone: boolean;
  referencesDone: boolean;
  decision?: Decision;
  timeline: TimelineEntry[];
  createdAt: string;
}

/** What a TCC office may see: outcome and case reference, never hits or reference contents. */
export interface CandidateView {
  id: string;
  country: string;
  caseReference: string;
  status: CandidateStatus;
  nomination: Nomination;
  displayName: string;
  decision?: Decision;
  createdAt: string;
  timeline: TimelineEntry[];
}

export function toView(c: Candidate): CandidateView {
  return {
    id: c.id,
    country: c.country,
    caseReference: c.caseReference,
    status: c.status,
    nomination: c.nomination,
    displayName: c.person.names[0]?.full ?? '',
    ...(c.decision ? { decision: c.decision } : {}),
    createdAt: c.createdAt,
    timeline: c.timeline,
  };
}
