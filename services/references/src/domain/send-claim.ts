import type { Check } from './check';

/**
 * The worker's claim on a request, written before the request leaves: which round and attempt is
 * being sent, and when. A withdrawal and a send race for the same check; the aggregate store applies
 * one transition at a time on the exact latest state, so either the withdrawal ends the check first
 * and the claim is refused (nothing is sent), or the claim is first and the withdrawal knows the
 * request may be on its way.
 */
export interface SendClaim {
  round: number;
  attempt: number;
  at: string;
}

/** The worker may send this request: it is queued for this round and no withdrawal is recorded on it. */
export function sendClaimed(c: Check | undefined, round: number, attempt: number, now: Date): Check | undefined {
  if (!c || c.state !== 'requested' || c.round !== round || c.withdrawal) return undefined;
  if (c.sending?.round === round && c.sending.attempt >= attempt) return undefined;
  const sending: SendClaim = { round, attempt, at: now.toISOString() };
  return { ...c, sending };
}

/** Whether the worker holds a claim on the request of the check's current round (it may be on its way). */
export const onItsWay = (c: Check): boolean => c.state === 'requested' && c.sending?.round === c.round;

/** Whether the claimed attempt may go: the check is still queued for that round and nothing withdrew it. */
export const maySend = (c: Check | undefined, round: number): boolean =>
  !!c && c.state === 'requested' && c.round === round && c.sending?.round === round && !c.withdrawal;
