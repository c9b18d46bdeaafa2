import type { EmploymentSummary } from '@vetting/policy';
import type { Category } from './clearance-policy';

export type ScreeningOutcome = 'clear' | 'possible-match' | 'match';
export type CheckResult = 'not-required' | 'no-adverse' | 'adverse' | 'no-response' | 'failed';
export type HitResolution = 'unresolved' | 'false-positive' | 'confirmed';
export type EntryStatus = 'barred' | 'left-pending-allegation' | 'listed';
/** What a referee's answer said beyond its result (services/references). */
export type CheckFindingCode = 'misconduct-finding' | 'left-during-investigation' | 'unverified-responder' | 'no-verified-contact';

/** The UN human-rights screening self-certification items a candidate may answer "yes" to. */
export type DeclaredItem = 'criminalOffence' | 'humanRightsViolation' | 'repatriatedOnDisciplinaryGrounds' | 'misconductAllegation';

export interface NominationInput {
  revision: number;
  mission: string;
  rotation: string;
  category: Category;
  /** When this revision was nominated: the end of its employment look-back window (the event's time). */
  submittedAt?: string;
  /** Employment periods (no names or contacts) and the no-other-employer declaration; absent in nominations from before they were recorded. */
  employment?: EmploymentSummary;
  /** What the candidate's self-declaration answered "yes" to (never their explanation). */
  declared?: DeclaredItem[];
}

/** A ban-list hit by reference only: which entry, how strong, how a screening officer resolved it. */
export interface HitInput {
  listId: string;
  entryId: string;
  band: 'match' | 'possible-match' | 'weak';
  /** The list entry's status: `left-pending-allegation` is a finding of its own. */
  entryStatus?: EntryStatus;
  resolution?: HitResolution;
  resolvedBy?: string;
}

export interface ScreeningInput {
  screeningId: string;
  revision: number;
  outcome: ScreeningOutcome;
  listVersions: { listId: string; version: number; contentHash: string }[];
  trigger?: 'submitted' | 'updated' | 'rescreen';
  hits?: HitInput[];
}

export interface CheckInput {
  checkId?: string;
  checkType: string;
  result: CheckResult;
  findings?: CheckFindingCode[];
}

export interface ReferencesInput {
  revision: number;
  checks: CheckInput[];
}

/** A file the candidate sent with a response, by reference: its content is sealed apart (data/attachment.repository.ts). */
export interface AttachmentRef {
  attachmentId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What the candidate said about the findings, recorded by an adjudicator. */
export interface CandidateResponse {
  responseId: string;
  /** The notice it answers (the newest one when it was recorded). */
  noticeId?: string;
  /** The response's text, sealed under the person's data key. */
  sealedSummary?: string;
  /** Only in responses recorded before texts were sealed. */
  summary?: string;
  declined: boolean;
  receivedAt: string;
  recordedBy: string;
  attachments?: AttachmentRef[];
}

export const NOTICE_CHANNELS = ['via-tcc-office', 'email', 'letter', 'in-person'] as const;

/** A dated notice to the candidate of the findings a refusal would rest on, and until when they may respond. */
export interface Notice {
  noticeId: string;
  /** When the candidate was given the notice. */
  sentAt: string;
  /** Until when they may respond; a refusal without their response waits for it to pass. */
  respondBy: string;
  channel: (typeof NOTICE_CHANNELS)[number];
  /** The keys of the findings the notice told them about. */
  findings: string[];
  /** What the notice said, sealed under the person's data key. */
  sealedText: string;
  recordedBy: string;
  recordedAt: string;
}

/**
 * A prior employer's disclosure request, still held for a verified contact, that the office's
 * correction of the nomination dropped (references superseded it: `employer-not-in-correction`).
 */
export interface DroppedRequest {
  checkId: string;
  /** The nomination revision that asked the employer, and the correction that no longer does. */
  revision: number;
  byRevision: number;
}

/** Everything a decision rests on. Stored on each decision so it can be replayed. */
export interface CaseInputs {
  nomination?: NominationInput;
  screening?: ScreeningInput;
  references?: ReferencesInput;
  candidateResponses: CandidateResponse[];
  /** Absent in cases stored before notices were recorded. */
  notices?: Notice[];
  /** Requests to prior employers that a correction dropped before they were sent. */
  droppedRequests?: DroppedRequest[];
}

/** A change from another service, reduced to what the case needs. */
export type InputChange =
  | { kind: 'nomination'; value: NominationInput }
  | { kind: 'screening'; value: ScreeningInput }
  | {
      kind: 'match-resolved';
      value: {
        screeningId: string;
        listId: string;
        entryId: string;
        resolution: 'false-positive' | 'confirmed';
        resolvedBy: string;
        outcome: ScreeningOutcome;
      };
    }
  | { kind: 'references'; value: ReferencesInput }
  | { kind: 'check'; value: CheckInput & { checkId: string } }
  | { kind: 'candidate-response'; value: CandidateResponse }
  | { kind: 'notice'; value: Notice }
  | { kind: 'dropped-request'; value: DroppedRequest };

const sameHit = (a: { listId: string; entryId: string }, b: { listId: string; entryId: string }) =>
  a.listId === b.listId && a.entryId === b.entryId;

/**
 * Folds one change into the inputs; undefined when it changes nothing or is stale (an older
 * revision than the one held, a resolution of a superseded screening, a check before its set).
 */
export function applyInputChange(inputs: CaseInputs, change: InputChange): CaseInputs | undefined {
  switch (change.kind) {
    case 'nomination':
      if (inputs.nomination && inputs.nomination.revision >= change.value.revision) return undefined;
      return { ...inputs, nomination: change.value };
    case 'screening':
      if (inputs.screening && inputs.screening.revision > change.value.revision) return undefined;
      if (inputs.screening?.screeningId === change.value.screeningId) return undefined;
      return { ...inputs, screening: change.value };
    case 'match-resolved': {
      const s = inputs.screening;
      const r = change.value;
      if (!s || s.screeningId !== r.screeningId) return undefined;
      const hits = s.hits ?? [];
      const existing = hits.find((h) => sameHit(h, r));
      if (existing?.resolution === r.resolution && s.outcome === r.outcome) return undefined;
      const resolved: HitInput = {
        listId: r.listId,
        entryId: r.entryId,
        band: existing?.band ?? 'possible-match',
        ...(existing?.entryStatus ? { entryStatus: existing.entryStatus } : {}),
        resolution: r.resolution,
        resolvedBy: r.resolvedBy,
      };
      const next = existing ? hits.map((h) => (sameHit(h, r) ? resolved : h)) : [...hits, resolved];
      return { ...inputs, screening: { ...s, outcome: r.outcome, hits: next } };
    }
    case 'references':
      if (inputs.references && inputs.references.revision > change.value.revision) return undefined;
      if (inputs.references && JSON.stringify(inputs.references) === JSON.stringify(change.value)) return undefined;
      return { ...inputs, references: change.value };
    case 'check': {
      // A single check result only matters once the set exists; before that references.completed carries it.
      const refs = inputs.references;
      const c = change.value;
      if (!refs) return undefined;
      const held = refs.checks.find((x) => x.checkId === c.checkId);
      if (held && held.result === c.result) return undefined;
      const checks = held ? refs.checks.map((x) => (x.checkId === c.checkId ? c : x)) : [...refs.checks, c];
      return { ...inputs, references: { ...refs, checks } };
    }
    case 'candidate-response':
      if (inputs.candidateResponses.some((r) => r.responseId === change.value.responseId)) return undefined;
      return { ...inputs, candidateResponses: [...inputs.candidateResponses, change.value] };
    case 'notice':
      if ((inputs.notices ?? []).some((n) => n.noticeId === change.value.noticeId)) return undefined;
      return { ...inputs, notices: [...(inputs.notices ?? []), change.value] };
    case 'dropped-request':
      if ((inputs.droppedRequests ?? []).some((d) => d.checkId === change.value.checkId)) return undefined;
      return { ...inputs, droppedRequests: [...(inputs.droppedRequests ?? []), change.value] };
  }
}

/**
 * A decision needs the nomination (its category says which checks count), the screening of the
 * newest revision, and the reference set. References are opened once per candidate, so a set of an
 * earlier revision still counts after an update of the person's data.
 */
export function isDecidable(inputs: CaseInputs): boolean {
  const { nomination, screening, references } = inputs;
  if (!nomination || !screening || !references) return false;
  return screening.revision >= nomination.revision && references.revision <= screening.revision;
}
