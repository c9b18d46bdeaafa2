import type { CheckSubject, PlannedCheck } from './check-plan';
import type { CheckType, NominationCategory } from './check-policy';
import type { SendClaim } from './send-claim';
import type { Supersession } from './supersede';
import type { Withdrawal } from './withdrawal';

/**
 * `awaiting-contact`: a disclosure request to an employer the directory does not know, held until a screening officer confirms a contact.
 * `superseded`: a held request of an earlier revision that a corrected nomination replaced (domain/supersede.ts); final, kept with its reason.
 * `withdrawn`: a check not yet sent when the office withdrew the nomination (domain/withdrawal.ts); final, never sent.
 */
export type CheckState = 'awaiting-contact' | 'requested' | 'awaiting-answer' | 'completed' | 'failed' | 'superseded' | 'withdrawn';
/** `failed` as a result: the check could not be carried out for good (no verified contact for the employer). */
export type CheckResult = 'not-required' | 'no-adverse' | 'adverse' | 'no-response' | 'failed';

/** Who gave a result: an authority in its answer or callback, a referee, the deadline, or a screening officer (no verified contact). */
export type ResultSource = 'response' | 'callback' | 'referee' | 'deadline' | 'screener';

/** What an answer said beyond its result, each a named finding for the adjudicator (contracts/events common checkFindings). */
export type CheckFinding = 'misconduct-finding' | 'left-during-investigation' | 'unverified-responder' | 'no-verified-contact';

/** The referee's own words stay in this service; events carry only the result and the finding codes. */
export interface RefereeAnswerRecord {
  employed: 'yes' | 'no';
  sexualMisconductFinding: 'yes' | 'no';
  leftDuringInvestigation: 'yes' | 'no';
  details?: string;
  responderName: string;
  responderRole: string;
  /** The address the referee answered as; outside the employer's verified contacts and domains it is a finding. */
  responderEmail?: string;
  answeredAt: string;
}

/** One check, the aggregate stored (as revisions) under its check id. */
export interface Check extends Record<string, unknown> {
  checkId: string;
  setId: string;
  candidateId: string;
  country: string;
  category: NominationCategory;
  /** The set's candidate revision and every check id of the set (this one too): completing the set needs no set read. Absent in checks stored before. */
  candidateRevision?: number;
  setChecks?: string[];
  checkType: CheckType;
  organisation: string;
  /** The subject (CheckSubject as JSON), sealed under the set's data key (data/answer.cipher.ts): never stored in clear. */
  sealedSubject?: string;
  /** Only in checks stored before subjects were sealed; new checks carry `sealedSubject`. */
  subject?: CheckSubject;
  state: CheckState;
  result?: CheckResult;
  resultSource?: ResultSource;
  /** Named findings of the result (codes only, never the referee's words). */
  findings?: CheckFinding[];
  /** 1 + operator retries; a referee link and a result belong to one round. */
  round: number;
  attempts: number;
  /** Why the last attempt failed, with its cause chain (bad port, refused, TLS, timeout). */
  lastError?: string;
  lastAttemptAt?: string;
  /** When the queue runs the next attempt (absent once no retry is scheduled). */
  nextAttemptAt?: string;
  externalRef?: string;
  deadline?: string;
  remindersSent: number;
  /** The referee's answer, sealed (data/answer.cipher.ts): never stored in clear. */
  sealedAnswer?: string;
  /** Set when a corrected nomination superseded this held request: by which revision, why, and which check replaced it. */
  supersession?: Supersession;
  /**
   * Set when the nomination was withdrawn before the check was sent: when, which revision, and the state
   * it ended from. On a request then on its way (`sending`), it is recorded at once and ends the check
   * if that attempt does not deliver it.
   */
  withdrawal?: Withdrawal;
  /** The worker's claim on the request being sent (domain/send-claim.ts); internal, never in the public view. */
  sending?: SendClaim;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
}

/** A check with its subject opened (in memory only: what adapters and mails need). */
export type OpenedCheck = Check & { subject: CheckSubject };

export interface SetOfCheck {
  setId: string;
  candidateId: string;
  country: string;
  category: NominationCategory;
  candidateRevision: number;
  setChecks: string[];
}

export function newCheck(planned: PlannedCheck, set: SetOfCheck, sealedSubject: string, now: Date): Check {
  const at = now.toISOString();
  const { subject: _clear, awaitingContact, ...rest } = planned;
  return {
    ...rest,
    ...set,
    sealedSubject,
    state: awaitingContact ? 'awaiting-contact' : 'requested',
    round: 1,
    attempts: 0,
    remindersSent: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/** A screening officer confirmed where the request goes: the check runs with the subject naming that contact. */
export function contactConfirmed(c: Check | undefined, sealedSubject: string, organisation: string, now: Date): Check | undefined {
  if (!c || c.state !== 'awaiting-contact') return undefined;
  return { ...c, state: 'requested', sealedSubject, organisation, updatedAt: now.toISOString() };
}

/** A screening officer found no verified contact for the employer: the check ends as failed, a finding for the adjudicator. */
export function noVerifiedContact(c: Check | undefined, reason: string, now: Date): Check | undefined {
  if (!c || c.state !== 'awaiting-contact') return undefined;
  const at = now.toISOString();
  return {
    ...c,
    state: 'completed',
    result: 'failed',
    resultSource: 'screener',
    findings: ['no-verified-contact'],
    lastError: reason.slice(0, 1000),
    updatedAt: at,
    completedAt: at,
  };
}

const open = (c: Check | undefined, round: number): c is Check =>
  !!c && c.round === round && (c.state === 'requested' || c.state === 'awaiting-answer');

/** The external system took the request and will answer later (callback or referee). */
export function accepted(c: Check | undefined, round: number, externalRef: string, deadline: Date, now: Date): Check | undefined {
  if (!open(c, round) || c.state === 'awaiting-answer') return undefined;
  const { nextAttemptAt: _next, ...rest } = c;
  return {
    ...rest,
    state: 'awaiting-answer',
    externalRef,
    deadline: deadline.toISOString(),
    attempts: c.attempts + 1,
    updatedAt: now.toISOString(),
  };
}

/** A result for the round: applies only to an open check of that round (one result per round). */
export function resultRecorded(
  c: Check | undefined,
  round: number,
  result: CheckResult,
  source: ResultSource,
  now: Date,
  sealedAnswer?: string,
  findings: CheckFinding[] = [],
): Check | undefined {
  if (!open(c, round)) return undefined;
  const at = now.toISOString();
  const attempts = c.state === 'requested' ? c.attempts + 1 : c.attempts;
  const { nextAttemptAt: _next, ...rest } = c;
  return {
    ...rest,
    state: 'completed',
    result,
    resultSource: source,
    attempts,
    ...(sealedAnswer ? { sealedAnswer } : {}),
    ...(findings.length ? { findings } : {}),
    updatedAt: at,
    completedAt: at,
  };
}

/** An attempt failed and another is scheduled: the check says so, so an operator sees why it waits. */
export function attemptFailed(
  c: Check | undefined,
  round: number,
  error: string,
  attempts: number,
  nextAttemptAt: Date,
  now: Date,
): Check | undefined {
  if (!c || c.round !== round || c.state !== 'requested' || attempts <= c.attempts) return undefined;
  const at = now.toISOString();
  // The attempt is over: its claim goes, so a withdrawal before the next attempt ends the check at once.
  const { sending: _claim, ...rest } = c;
  return {
    ...rest,
    attempts,
    lastError: error.slice(0, 1000),
    lastAttemptAt: at,
    nextAttemptAt: nextAttemptAt.toISOString(),
    updatedAt: at,
  };
}

/** Attempts are exhausted or the request is permanently refused: an operator must act. */
export function failed(c: Check | undefined, round: number, error: string, attempts: number, now: Date): Check | undefined {
  if (!c || c.round !== round || c.state !== 'requested') return undefined;
  const { nextAttemptAt: _next, sending: _claim, ...rest } = c;
  const at = now.toISOString();
  return { ...rest, state: 'failed', lastError: error.slice(0, 1000), attempts, lastAttemptAt: at, updatedAt: at };
}

/** An operator sends a failed check again: a new round with fresh attempts (and a new referee link). */
export function retried(c: Check | undefined, now: Date): Check | undefined {
  if (!c || c.state !== 'failed' || c.withdrawal) return undefined;
  const { externalRef: _e, deadline: _d, nextAttemptAt: _n, ...rest } = c;
  return { ...rest, state: 'requested', round: c.round + 1, attempts: 0, remindersSent: 0, updatedAt: now.toISOString() };
}

export function reminderSent(c: Check | undefined, round: number, n: number, now: Date): Check | undefined {
  if (!c || c.round !== round || c.state !== 'awaiting-answer' || c.remindersSent >= n) return undefined;
  return { ...c, remindersSent: n, updatedAt: now.toISOString() };
}

/** Maps a misconduct-disclosure answer to a result: any "yes" to a misconduct question is adverse. */
export function refereeResult(answer: Pick<RefereeAnswerRecord, 'sexualMisconductFinding' | 'leftDuringInvestigation'>): CheckResult {
  return answer.sexualMisconductFinding === 'yes' || answer.leftDuringInvestigation === 'yes' ? 'adverse' : 'no-adverse';
}

/** The named findings of an answer: each "yes" on its own, and an answer from outside the employer's verified contacts. */
export function refereeFindings(
  answer: Pick<RefereeAnswerRecord, 'sexualMisconductFinding' | 'leftDuringInvestigation'>,
  fromVerifiedContact: boolean,
): CheckFinding[] {
  return [
    ...(answer.sexualMisconductFinding === 'yes' ? (['misconduct-finding'] as const) : []),
    ...(answer.leftDuringInvestigation === 'yes' ? (['left-during-investigation'] as const) : []),
    ...(fromVerifiedContact ? [] : (['unverified-responder'] as const)),
  ];
}

/** What every event about one check says of it (never the subject's details). */
export const checkEventData = (c: Check) => ({
  candidateId: c.candidateId,
  country: c.country,
  checkId: c.checkId,
  checkType: c.checkType,
});

/** The public view of a check: never the subject's details nor the referee's words. */
export function checkSummary(c: Check) {
  const {
    subject: _s,
    sealedSubject: _ss,
    sealedAnswer: _a,
    category: _c,
    resultSource: _r,
    setChecks: _sc,
    candidateRevision: _cr,
    sending: _claim,
    ...rest
  } = c;
  return rest;
}
