import type { AccountabilityHttp } from '@vetting/contracts/http';

/**
 * A request for action: when misconduct by a contingent member is substantiated, the UN asks the
 * country that deployed the person to act (investigate, hold them accountable, report the outcome)
 * by deadlines, reminds it, records its responses, and closes the request. Public reporting counts
 * these by country ("112 requests sent, 14 responses").
 */
export type ActionKind = AccountabilityHttp['ActionKind'];
export type MisconductCategory = AccountabilityHttp['MisconductCategory'];
export type ActionOutcome = AccountabilityHttp['ActionOutcome'];
export const RESPONSE_KINDS = ['interim', 'final'] as const;

export interface RequestedAction {
  kind: ActionKind;
  dueBy: string;
}

export interface ActionResponse {
  responseId: string;
  kind: (typeof RESPONSE_KINDS)[number];
  /** The actions this response reports on. */
  covers: ActionKind[];
  outcome?: ActionOutcome;
  /** The office's text, sealed (it may describe the person and the misconduct). */
  sealedText: string;
  respondedAt: string;
  respondedBy: string;
}

export interface Reminder {
  at: string;
  by: string;
  /** Sent by the reminder job (a deadline coming or passed) or by a UN officer. */
  automatic: boolean;
}

export type Lifecycle = 'sent' | 'acknowledged' | 'answered' | 'closed';
export type ActionRequestStatus = Lifecycle | 'overdue';

export interface ActionRequest {
  id: string;
  /** The UN's reference the country quotes back. */
  reference: string;
  country: string;
  mission: string;
  category: MisconductCategory;
  substantiatedOn: string;
  /** The person's nomination on this platform: their clearance history. */
  candidateId: string;
  /** The ban-list entry the misconduct put the person on. */
  listEntry: { listId: string; entryId: string };
  actions: RequestedAction[];
  /** The latest action deadline: past it without a final response, the request is overdue. */
  dueBy: string;
  /** What the UN asks, sealed (no allegation details ever leave the service in events). */
  sealedSummary: string;
  state: Lifecycle;
  sentAt: string;
  sentBy: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  responses: ActionResponse[];
  reminders: Reminder[];
  /** Set by the reminder job when the deadline passed unanswered. */
  overdueSince?: string;
  /** The reason is sealed like the other texts. */
  closed?: { at: string; by: string; reason: string };
  /** The person was erased (candidate.erased): the texts are shredded, the skeleton stays for the figures. */
  erased?: { at: string };
}

/** The status reporting shows: closed and answered win; a request past its deadline without a final answer is overdue. */
export const statusOf = (r: Pick<ActionRequest, 'state' | 'overdueSince'>): ActionRequestStatus =>
  r.state === 'closed' || r.state === 'answered' ? r.state : r.overdueSince ? 'overdue' : r.state;

export type Problem = { code: string; status: number; message: string; field?: string };
export type Change =
  { state: ActionRequest; event: 'acknowledged' | 'responded' | 'reminded' | 'overdue' | 'closed' } | { problem: Problem } | undefined;

const problem = (code: string, status: number, message: string, field?: string): Change => ({
  problem: { code, status, message, ...(field ? { field } : {}) },
});

export function acknowledge(r: ActionRequest, by: string, at: string): Change {
  if (r.state === 'closed') return problem('ACTION_REQUEST.CLOSED', 409, 'The request is closed');
  if (r.acknowledgedAt) return undefined;
  return {
    state: { ...r, state: r.state === 'sent' ? 'acknowledged' : r.state, acknowledgedAt: at, acknowledgedBy: by },
    event: 'acknowledged',
  };
}

/** The office responds: an interim report keeps the request open; a final one answers it (and acknowledges it if it was not). */
export function respond(r: ActionRequest, response: ActionResponse): Change {
  if (r.state === 'closed') return problem('ACTION_REQUEST.CLOSED', 409, 'The request is closed');
  const unknown = response.covers.find((k) => !r.actions.some((a) => a.kind === k));
  if (unknown) return problem('ACTION_REQUEST.NOT_ASKED', 400, `The request did not ask for ${unknown}`, 'body/covers');
  if (response.kind === 'final' && !response.outcome)
    return problem('ACTION_REQUEST.OUTCOME_REQUIRED', 400, 'A final response states the outcome', 'body/outcome');
  const answered = response.kind === 'final';
  return {
    state: {
      ...r,
      state: answered ? 'answered' : r.state === 'sent' ? 'acknowledged' : r.state,
      acknowledgedAt: r.acknowledgedAt ?? response.respondedAt,
      acknowledgedBy: r.acknowledgedBy ?? response.respondedBy,
      responses: [...r.responses, response],
    },
    event: 'responded',
  };
}

export function close(r: ActionRequest, by: string, at: string, reason: string): Change {
  if (r.state === 'closed') return undefined;
  return { state: { ...r, state: 'closed', closed: { at, by, reason } }, event: 'closed' };
}

/**
 * The request once the person it is about was erased: what was asked, every response and the closing
 * reason are gone (their key is destroyed, and the sealed copies are dropped from the record); the
 * skeleton — country, mission, category, actions, deadlines, states, dates — stays for public
 * reporting. Undefined when already erased: applied once however often the erasure arrives.
 */
export function eraseRequest(r: ActionRequest, at: string): ActionRequest | undefined {
  if (r.erased) return undefined;
  return {
    ...r,
    sealedSummary: '',
    responses: r.responses.map((x) => ({ ...x, sealedText: '' })),
    ...(r.closed ? { closed: { ...r.closed, reason: '' } } : {}),
    erased: { at },
  };
}

export function remind(r: ActionRequest, reminder: Reminder): Change {
  if (r.state === 'closed' || r.state === 'answered') return problem('ACTION_REQUEST.NOTHING_TO_REMIND', 409, `The request is ${r.state}`);
  return { state: { ...r, reminders: [...r.reminders, reminder] }, event: 'reminded' };
}

/**
 * What the reminder job does to one request at `now`: mark it overdue once its deadline passed
 * unanswered, or remind the office once when the deadline is within `remindBeforeDays` (and again
 * every `remindEveryDays` while overdue). Nothing when closed or answered.
 */
export function sweep(r: ActionRequest, now: Date, opts: { remindBeforeDays: number; remindEveryDays: number }): Change {
  if (r.state === 'closed' || r.state === 'answered') return undefined;
  const due = Date.parse(r.dueBy);
  const at = now.toISOString();
  if (now.getTime() > due && !r.overdueSince)
    return {
      state: { ...r, overdueSince: at, reminders: [...r.reminders, { at, by: 'reminder-job', automatic: true }] },
      event: 'overdue',
    };
  const lastAuto = r.reminders.filter((m) => m.automatic).at(-1);
  const day = 86_400_000;
  const dueSoon = now.getTime() >= due - opts.remindBeforeDays * day && now.getTime() <= due;
  const stillOverdue = r.overdueSince && (!lastAuto || now.getTime() - Date.parse(lastAuto.at) >= opts.remindEveryDays * day);
  if ((dueSoon && !lastAuto) || stillOverdue)
    return { state: { ...r, reminders: [...r.reminders, { at, by: 'reminder-job', automatic: true }] }, event: 'reminded' };
  return undefined;
}

export interface CountryFigures {
  sent: number;
  /** Requests with a final response (answered, or closed after one): public reporting's "responses". */
  responded: number;
  acknowledged: number;
  answered: number;
  overdue: number;
  closed: number;
  /** Days from sending to the final response, median, for answered or closed requests with one. */
  medianDaysToAnswer: number | null;
}

/** Requests by country as public reporting counts them; each request counts once in `sent` and once in its current status. */
export function figuresByCountry(requests: ActionRequest[]): Record<string, CountryFigures> {
  const by: Record<string, CountryFigures & { days: number[] }> = {};
  for (const r of requests) {
    const f = (by[r.country] ??= {
      sent: 0,
      responded: 0,
      acknowledged: 0,
      answered: 0,
      overdue: 0,
      closed: 0,
      medianDaysToAnswer: null,
      days: [],
    });
    f.sent++;
    const status = statusOf(r);
    if (status !== 'sent') f[status]++;
    const final = r.responses.find((x) => x.kind === 'final');
    if (final) {
      f.responded++;
      f.days.push((Date.parse(final.respondedAt) - Date.parse(r.sentAt)) / 86_400_000);
    }
  }
  return Object.fromEntries(
    Object.entries(by).map(([country, { days, ...f }]) => {
      const sorted = days.sort((a, b) => a - b);
      return [
        country,
        { ...f, medianDaysToAnswer: sorted.length ? Math.round(sorted[Math.floor((sorted.length - 1) / 2)]! * 10) / 10 : null },
      ];
    }),
  );
}
