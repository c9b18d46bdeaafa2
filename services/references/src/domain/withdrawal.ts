import type { Check, CheckState } from './check';

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
 * and a screening officer cannot confirm it. Anything else is left as it is, so applying it again
 * changes nothing.
 */
export function checkWithdrawn(c: Check | undefined, at: Date, revision?: number): Check | undefined {
  if (!c || !UNSENT_STATES.includes(c.state)) return undefined;
  const when = at.toISOString();
  const { nextAttemptAt: _next, ...rest } = c;
  const withdrawal: Withdrawal = { at: when, from: c.state, ...(revision !== undefined ? { revision } : {}) };
  return { ...rest, state: 'withdrawn', withdrawal, updatedAt: when, completedAt: when };
}

/** States in which a check ended without anything sent: superseded by a correction, or withdrawn with the nomination. */
export const endedUnsent = (state: CheckState) => state === 'superseded' || state === 'withdrawn';
