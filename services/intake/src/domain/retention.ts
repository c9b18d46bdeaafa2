import type { Candidate } from './candidate';

/** How long personal data is kept, per data kind (days); see RETENTION_* in config.ts. */
export interface RetentionPolicy {
  notClearedDays: number;
  withdrawnDays: number;
  /** Counted from the end of the clearance's validity (or its expiry). */
  clearedDaysAfterValidity: number;
  /** A nomination that never got a decision (abandoned). */
  undecidedDays: number;
}

export type RetentionKind = 'not-cleared' | 'withdrawn' | 'cleared' | 'undecided';

const DAY = 86_400_000;
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

/** When the candidate's current state began: the last timeline entry with that status. */
function since(c: Pick<Candidate, 'status' | 'timeline' | 'createdAt'>): string {
  return [...c.timeline].reverse().find((t) => t.status === c.status)?.at ?? c.createdAt;
}

/**
 * When a candidate's personal data must be erased, and under which kind of retention. Pure: the
 * purge job erases those whose date has passed. An erased candidate has nothing left to erase.
 */
export function erasureDue(
  c: Pick<Candidate, 'status' | 'decision' | 'createdAt' | 'timeline' | 'erased'> & { withdrawal?: { at: string; reason?: string } },
  policy: RetentionPolicy,
): { kind: RetentionKind; at: string } | undefined {
  if (c.erased) return undefined;
  switch (c.status) {
    case 'withdrawn':
      return { kind: 'withdrawn', at: plus(c.withdrawal?.at ?? since(c), policy.withdrawnDays) };
    case 'not-cleared':
      return { kind: 'not-cleared', at: plus(since(c), policy.notClearedDays) };
    case 'cleared':
      return { kind: 'cleared', at: plus(c.decision?.validUntil ?? c.decision?.decidedAt ?? since(c), policy.clearedDaysAfterValidity) };
    case 'expired':
      return { kind: 'cleared', at: plus(since(c), policy.clearedDaysAfterValidity) };
    default:
      return { kind: 'undecided', at: plus(c.createdAt, policy.undecidedDays) };
  }
}
