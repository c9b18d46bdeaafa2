import type { ListVersionRef } from './active-lists';
import { confirmedByList, hitsChanged, type HitSummary, type SubjectState } from './subject';

type EntryRef = { listId: string; entryId: string };

/** What re-screening one subject against a new list version starts with. */
export type RescreenStart =
  | { kind: 'skip'; reason: string }
  /** The list is no longer at the job's version: the job is retried against what is active. */
  | { kind: 'list-moved'; reason: string }
  /** The subject was already screened against this version (a batch redone after a crash). */
  | { kind: 'done'; result: 'changed' | 'skipped'; reason: string }
  | {
      kind: 'rescreen';
      /** The list version screened against. */
      active: ListVersionRef;
      /** Re-score against the whole list: the person had a hit, a weak hit or a confirmation on it. */
      full: boolean;
      confirmed: Map<string, string[]>;
      reason: string;
    };

/**
 * Whether and how a subject is re-screened against `job`. A withdrawn or erased person is never
 * screened again. Someone the list already concerns (a hit, a weak hit, a confirmed entry) is scored
 * against the whole list, so an entry that changed away from them is seen; anyone else is searched
 * only among the entries the version added or changed, when that delta is at hand.
 */
export function rescreenStart(
  s: SubjectState,
  job: { listId: string; version: number },
  active: ListVersionRef | undefined,
  hasDelta: boolean,
): RescreenStart {
  if (s.erased) return { kind: 'skip', reason: 'the person was erased: never screened again' };
  if (s.withdrawn) return { kind: 'skip', reason: 'the candidate was withdrawn' };
  if (!active || active.version !== job.version)
    return { kind: 'list-moved', reason: `list ${job.listId} is no longer at version ${job.version}` };
  if ((s.listVersions.find((v) => v.listId === job.listId)?.version ?? 0) >= job.version)
    return s.changedByRescreen === `${job.listId}@${job.version}`
      ? { kind: 'done', result: 'changed', reason: `already changed by ${job.listId}@${job.version}` }
      : { kind: 'done', result: 'skipped', reason: `already screened against ${job.listId}@${job.version} or later` };
  const confirmed = confirmedByList(s);
  const onList = s.hits.some((h) => h.listId === job.listId) || s.near.some((n) => n.listId === job.listId) || confirmed.has(job.listId);
  const full = onList || !hasDelta;
  return {
    kind: 'rescreen',
    active,
    full,
    confirmed,
    reason: onList
      ? `the person has a hit, a weak hit or a confirmed entry on ${job.listId}: scored against the whole list`
      : full
        ? `scored against the whole of ${job.listId}`
        : `scored against the entries ${job.listId}@${job.version} added or changed`,
  };
}

const key = (n: EntryRef) => `${n.listId}\u0000${n.entryId}`;
const sameSet = (a: readonly EntryRef[], b: readonly EntryRef[]) => a.map(key).sort().join('\u0001') === b.map(key).sort().join('\u0001');

export type RescreenEffect = { kind: 'unchanged' | 'near-only' | 'changed'; reason: string };

/**
 * What a re-screening changes. A new screening (announced) only when the outcome or a reviewable hit
 * (entry, band, decision) changed; when only the weak hits moved they are remembered, so the next list
 * change re-scores the person in full, and nothing is announced.
 */
export function rescreenEffect(
  before: { hits: readonly HitSummary[]; near: readonly EntryRef[] },
  after: { hits: readonly HitSummary[]; near: readonly EntryRef[] },
): RescreenEffect {
  if (hitsChanged(before.hits, after.hits)) return { kind: 'changed', reason: 'the outcome or a reviewable hit changed' };
  if (!sameSet(before.near, after.near)) return { kind: 'near-only', reason: 'only the weak hits changed: remembered, not announced' };
  return { kind: 'unchanged', reason: 'the same outcome, reviewable hits and weak hits' };
}
