import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { announceOutbox, initialOutbox, insertManyOnce, insertOnce, type EventEnvelope } from '@vetting/platform';
import type { CheckType, NominationCategory } from '../domain/check-policy';

/** The checks one candidate revision needs, fixed when it is opened (insert-once, never updated). */
export interface ReferenceSet {
  id: string;
  candidateId: string;
  country: string;
  candidateRevision: number;
  category: NominationCategory;
  policyVersion: number;
  checks: { checkId: string; checkType: CheckType }[];
  createdAt: string;
}

type SetDoc = Omit<ReferenceSet, 'id'> & {
  _id: string;
  outbox: EventEnvelope[];
  outboxPending: boolean;
  writer?: string;
  writtenAt?: string;
};
type CompletionDoc = {
  _id: string;
  completedAt: string;
  outbox: EventEnvelope[];
  outboxPending: boolean;
  writer?: string;
  writtenAt?: string;
};

/** Sets never change once stored, so a process may keep the ones it read (bounded). */
const CACHE_LIMIT = 20_000;

/**
 * Sets and their completions are insert-once documents with deterministic ids: a duplicate key
 * means "already done". The completion carries `references.completed` in its outbox, so the event
 * is published once however many workers see the last result arrive.
 */
export function createReferenceSetRepository(db: Connection) {
  const sets = db.collection('reference_sets') as unknown as Collection<SetDoc>;
  const completions = db.collection('reference_set_completions') as unknown as Collection<CompletionDoc>;
  // Sets whose referee answers were erased (retention or the person's erasure): insert-once by set id.
  const erasures = db.collection('reference_set_erasures') as unknown as Collection<{ _id: string; erasedAt: string; basis: string }>;
  // Candidates whose nomination the office withdrew (insert-once by candidate id): a set opened afterwards, from a replayed nomination, is withdrawn before anything is queued.
  const withdrawals = db.collection('reference_withdrawals') as unknown as Collection<{
    _id: string;
    withdrawnAt: string;
    revision?: number;
  }>;
  const toSet = ({ _id, outbox: _o, outboxPending: _p, writer: _w, writtenAt: _t, ...rest }: SetDoc): ReferenceSet => ({
    id: _id,
    ...rest,
  });
  const cache = new Map<string, ReferenceSet>();
  // Known complete: every worker sees each result of a set, and would otherwise re-read the set's checks.
  const completed = new Set<string>();
  const remember = <K, V>(map: Map<K, V> | Set<K>, key: K, value?: V) => {
    if (map.size >= CACHE_LIMIT) map.clear();
    if (map instanceof Map) map.set(key, value as V);
    else map.add(key);
  };
  const toDoc = (set: ReferenceSet, events: EventEnvelope[]): SetDoc => {
    const { id, ...rest } = set;
    return { _id: id, ...rest, ...initialOutbox(events, sets) };
  };
  return {
    collections: [sets as unknown as Collection, completions as unknown as Collection],
    async ensureIndexes() {
      await sets.createIndex({ candidateId: 1, candidateRevision: -1 });
      await sets.createIndex({ outboxPending: 1 });
      await completions.createIndex({ outboxPending: 1 });
      await completions.createIndex({ completedAt: 1 });
    },
    async insertOnce(set: ReferenceSet, events: EventEnvelope[]): Promise<boolean> {
      const doc = toDoc(set, events);
      const inserted = await insertOnce(sets as unknown as Collection, doc);
      if (inserted) announceOutbox(sets, [doc]);
      return inserted;
    },
    /** Many sets in one round trip (insert-once); returns the ids this call stored. */
    async insertMany(items: { set: ReferenceSet; events: EventEnvelope[] }[]): Promise<Set<string>> {
      const docs = items.map((i) => toDoc(i.set, i.events));
      const stored = await insertManyOnce(sets as unknown as Collection, docs);
      // Handed to this process's relay: published at once, not at its next poll.
      announceOutbox(
        sets,
        docs.filter((d, i) => stored.has(i) && d.outboxPending),
      );
      // The process that opens a set also completes it from its check events: keep what it just stored.
      for (const [i, item] of items.entries()) if (stored.has(i)) remember(cache, item.set.id, item.set);
      return new Set(items.filter((_, i) => stored.has(i)).map((i) => i.set.id));
    },
    async get(id: string): Promise<ReferenceSet | undefined> {
      const cached = cache.get(id);
      if (cached) return cached;
      const doc = await sets.findOne({ _id: id });
      if (!doc) return undefined;
      const set = toSet(doc);
      remember(cache, id, set);
      return set;
    },
    async latestFor(candidateId: string): Promise<ReferenceSet | undefined> {
      const doc = await sets.find({ candidateId }).sort({ candidateRevision: -1 }).limit(1).next();
      return doc ? toSet(doc) : undefined;
    },
    /** The newest revision with a set, per candidate, in one query (candidates without a set are absent). */
    async newestRevisions(candidateIds: string[]): Promise<Map<string, number>> {
      const newest = new Map<string, number>();
      if (!candidateIds.length) return newest;
      const docs = await sets
        .find({ candidateId: { $in: candidateIds } }, { projection: { candidateId: 1, candidateRevision: 1 } })
        .toArray();
      for (const d of docs) newest.set(d.candidateId, Math.max(newest.get(d.candidateId) ?? 0, d.candidateRevision));
      return newest;
    },
    /** Whether this process already saw the set completed (then nothing is left to do for it). */
    knownComplete: (id: string) => completed.has(id),
    /** Whether the set's completion is stored (remembered once it is). */
    async isComplete(id: string): Promise<boolean> {
      if (completed.has(id)) return true;
      const found = (await completions.findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
      if (found) remember(completed, id);
      return found;
    },
    async complete(id: string, completedAt: string, events: EventEnvelope[]): Promise<boolean> {
      const doc = { _id: id, completedAt, ...initialOutbox(events, completions) };
      const inserted = await insertOnce(completions as unknown as Collection, doc);
      if (inserted) announceOutbox(completions, [doc]);
      remember(completed, id);
      return inserted;
    },
    /** Completions of sets without checks, many at once (insert-once). */
    async completeMany(items: { id: string; completedAt: string; events: EventEnvelope[] }[]): Promise<void> {
      const docs = items.map((i) => ({ _id: i.id, completedAt: i.completedAt, ...initialOutbox(i.events, completions) }));
      const stored = await insertManyOnce(completions as unknown as Collection, docs);
      announceOutbox(
        completions,
        docs.filter((d, i) => stored.has(i) && d.outboxPending),
      );
    },
    /** Remembers the office's withdrawal of a candidate (once; a redelivery changes nothing). */
    async recordWithdrawal(candidateId: string, withdrawnAt: string, revision?: number): Promise<void> {
      await insertOnce(withdrawals as unknown as Collection, {
        _id: candidateId,
        withdrawnAt,
        ...(revision !== undefined ? { revision } : {}),
      });
    },
    /** The withdrawn candidates among some, with the revision withdrawn (one query). */
    async withdrawnAmong(candidateIds: string[]): Promise<Map<string, number | undefined>> {
      if (!candidateIds.length) return new Map();
      const docs = await withdrawals.find({ _id: { $in: candidateIds } }).toArray();
      return new Map(docs.map((d) => [d._id, d.revision]));
    },
    async allFor(candidateId: string): Promise<ReferenceSet[]> {
      return (await sets.find({ candidateId }).toArray()).map(toSet);
    },
    /** Ids of sets that got all their results before `cutoff` and whose answers are not erased yet. */
    async completedBefore(cutoff: string, limit: number): Promise<string[]> {
      const done = await completions
        .find({ completedAt: { $lt: cutoff } }, { projection: { _id: 1 } })
        .limit(limit * 4)
        .toArray();
      const erased = new Set((await erasures.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
      return done
        .map((d) => d._id)
        .filter((id) => !erased.has(id))
        .slice(0, limit);
    },
    async isErased(id: string): Promise<boolean> {
      return (await erasures.findOne({ _id: id })) !== null;
    },
    async markErased(id: string, erasedAt: string, basis: string): Promise<void> {
      await insertOnce(erasures as unknown as Collection, { _id: id, erasedAt, basis });
    },
    async completedAt(id: string): Promise<string | undefined> {
      return (await completions.findOne({ _id: id }))?.completedAt;
    },
  };
}

export type ReferenceSetRepository = ReturnType<typeof createReferenceSetRepository>;
