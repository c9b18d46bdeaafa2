/** Shapes the offline, certificate, statistics and safeguarding screens read (fields used only). */
export interface OfflineRow {
  ref: string;
  screenedAt: string;
  offlineOutcome: string;
  currentOutcome: string;
  agrees: boolean;
  needsReview: boolean;
  flags: string[];
}
export interface OfflineUpload {
  _id: string;
  country?: string;
  bundleId: string;
  receivedAt: string;
  rows?: OfflineRow[];
  summary: { rows: number; agree: number; disagree: number; needsReview: number };
}
export interface ListBundle {
  content: { bundleId: string; createdAt: string; expiresAt: string; lists: { listId: string; version: number; entryCount: number }[] };
  contentHash: string;
  signature: { keyId: string };
}

export interface CertificateSummary {
  id: string;
  version: number;
  certifiedAt: string;
  certifiedBy: string;
  memberCount: number;
  outcomes: { cleared: number; notCleared: number };
  contentHash: string;
  signature?: { keyId: string; signedAt: string };
}
export interface CertifiedMember {
  candidateId: string;
  caseReference: string;
  displayName: string;
  revision: number;
  status: string;
  validUntil?: string;
}
export interface VersionDiff {
  from: CertificateSummary;
  to: CertificateSummary;
  unchanged: number;
  added: CertifiedMember[];
  removed: CertifiedMember[];
  changed: { candidateId: string; before: CertifiedMember; after: CertifiedMember }[];
}

export const PEOPLE_FIGURES = ['people', 'screened', 'cleared', 'refused', 'pending', 'withdrawn', 'revoked', 'expired'] as const;
export type PeopleFigures = Record<(typeof PEOPLE_FIGURES)[number], number>;
export interface PeopleStatistics {
  groups: { period: string; country: string; mission: string; category: string; figures: PeopleFigures }[];
  totals: PeopleFigures;
}

export type Language = 'en' | 'fr';
export type Text = Record<Language, string>;
export type StandardId = 'policy' | 'people' | 'procedures' | 'accountability';
export type Result = 'meets' | 'partially-meets' | 'does-not-meet';
export interface Question {
  id: string;
  text: Text;
  guidance: Text;
}
export interface Questionnaire {
  version: number;
  title: Text;
  standards: { id: StandardId; title: Text; statement: Text; questions: Question[] }[];
}
export interface Answer {
  answer: 'yes' | 'partly' | 'no' | 'not-applicable';
  evidence: { description: string; reference?: string }[];
  note?: string;
}
export interface Review {
  decision: 'accepted' | 'returned';
  reviewer: string;
  reviewedAt: string;
  round: number;
  comments: Record<string, string>;
  summary: string;
  standards?: Record<StandardId, Result>;
  overall?: Result;
}
export interface Assessment {
  id: string;
  country: string;
  office: string;
  questionnaireVersion: number;
  status: 'draft' | 'submitted' | 'reviewed';
  round: number;
  answers: Record<string, Answer>;
  submittedBy?: string;
  reviews: Review[];
  selfScores?: Record<StandardId, number | null>;
}
export interface Standing {
  country: string;
  office: string;
  status: 'never-assessed' | 'current' | 'due';
  latest?: { assessmentId: string; reviewedAt: string; validUntil: string; overall: Result };
  open?: { assessmentId: string; status: string; round: number };
}
