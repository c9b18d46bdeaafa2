import type { Check, CheckState } from './check';
import { onItsWay } from './send-claim';

/**
 * The states in which nothing has left for the employer or authority yet: a request held for a
 * screening officer (`awaiting-contact`), planned or queued for the worker (`requested`), or whose
 * attempts all failed and which waits for an operator's retry (`failed`). A withdrawn nomination ends
 * these; a request already sent (`awaiting-answer`) or answered (`completed`) stays as it is, so an
 * answer that still comes is recorded.
 */
export const UNSENT_STATES: readonly CheckState[] = ['awaiting-contact', 'requested', 'failed'];

/** When the office withdrew the nomination, the revision it withdrew, and the state the check was in. */
export interface Withdrawal {
  at: string;
  revision?: number;
  from: CheckState;
}

/**
 * A not-yet-sent check of a withdrawn candidate ends as `withdrawn` (final): the worker never sends it
 * and a screening officer cannot confirm it. A request the worker has claimed for sending
 * (domain/send-claim.ts) may already be on its way: the withdrawal is recorded on it and takes effect
 * when that attempt ends without delivering it (withdrawalTakesEffect); a delivered request stays, its
 * answer is evidence. Anything else is left as it is, so applying it again changes nothing.
 */
export function checkWithdrawn(c: Check | undefined, at: Date, revision?: number): Check | undefined {
  if (!c || c.withdrawal || !UNSENT_STATES.includes(c.state)) return undefined;
  const when = at.toISOString();
  const withdrawal: Withdrawal = { at: when, from: c.state, ...(revision !== undefined ? { revision } : {}) };
  if (onItsWay(c)) return { ...c, withdrawal, updatedAt: when };
  const { nextAttemptAt: _next, sending: _claim, ...rest } = c;
  return { ...rest, state: 'withdrawn', withdrawal, updatedAt: when, completedAt: when };
}

/**
 * The attempt that was on its way when the office withdrew ended without delivering the request (it
 * failed, or the worker found the withdrawal before sending): the check now ends `withdrawn`, and no
 * further attempt is made.
 */
export function withdrawalTakesEffect(c: Check | undefined, now: Date): Check | undefined {
  if (!c || !c.withdrawal || c.state !== 'requested') return undefined;
  const at = now.toISOString();
  const { nextAttemptAt: _next, sending: _claim, ...rest } = c;
  return { ...rest, state: 'withdrawn', updatedAt: at, completedAt: at };
}

/** States in which a check ended without anything sent: superseded by a correction, or withdrawn with the nomination. */
export const endedUnsent = (state: CheckState) => state === 'superseded' || state === 'withdrawn';
