import type { Connection } from 'mongoose';
import { createAggregateStore, isErased, type Change, type EventEnvelope } from '@vetting/platform';
import type { SubjectState } from '../domain/subject';
import type { ScreeningCipher } from './screening.cipher';
import { joinSubject, splitSubject, SUBJECT_FIELD, type StoredSubject, type SubjectPersonal } from './subject.stored';

/** A subject row of the view, person opened (re-screening batches). */
export type SubjectView = SubjectState & { _id: string; _rev: number };
/** A subject row as queries return it: ids, outcomes and hits, nothing of the person. */
export type SubjectRow = StoredSubject & { _id: string; _rev: number };
export interface OpenedSubject {
  rev: number;
  state: SubjectState;
}
type Decide = (current: OpenedSubject | undefined) => Change<SubjectState> | undefined | Promise<Change<SubjectState> | undefined>;

export interface ReviewQueueFilter {
  country?: string;
  mission?: string;
  /** Only items waiting since before this instant (ISO 8601): "older than n days". */
  pendingBefore?: string;
}

const queueQuery = (f: ReviewQueueFilter) => ({
  pendingReview: true,
  withdrawn: false,
  ...(f.country ? { country: f.country } : {}),
  ...(f.mission ? { mission: f.mission } : {}),
  ...(f.pendingBefore ? { pendingSince: { $lt: f.pendingBefore } } : {}),
});

/**
 * Screened candidates (aggregate `subjects`): revisions carry the outbox of every screening and
 * resolution event; the view answers the review queue and feeds re-screening batches. The person,
 * their fingerprint and reviewers' reasons are sealed under the candidate's screening key on the
 * way in and opened on the way out (subject.stored.ts): use cases see plain subjects.
 */
export function createSubjectRepository(db: Connection, cipher: ScreeningCipher) {
  // Packed: re-screening streams every subject, and FerretDB reads a packed state about 4× faster.
  const store = createAggregateStore<StoredSubject>(db, 'subjects', {
    packed: { viewFields: ['pendingReview', 'pendingSince', 'withdrawn', 'country', 'mission'] },
  });

  async function seal(state: SubjectState): Promise<StoredSubject> {
    const { stored, personal } = splitSubject(state);
    return state.erased ? stored : { ...stored, personal: await cipher.seal(state.candidateId, SUBJECT_FIELD, personal) };
  }

  /** Opens a stored subject; one whose key is already destroyed (its erasure in progress) opens as erased. */
  async function open(id: string, stored: StoredSubject): Promise<SubjectState> {
    if (!stored.personal || stored.erased) return joinSubject(stored, undefined);
    try {
      return joinSubject(stored, await cipher.open<SubjectPersonal>(id, SUBJECT_FIELD, stored.personal));
    } catch (error) {
      if (!isErased(error)) throw error;
      return { ...joinSubject(stored, undefined), erased: true };
    }
  }

  async function load(id: string): Promise<OpenedSubject | undefined> {
    const revision = await store.load(id);
    return revision ? { rev: revision.rev, state: await open(id, revision.state) } : undefined;
  }

  return {
    store,
    collection: store.revisions,
    async ensureIndexes() {
      await store.ensureIndexes([{ pendingReview: 1, pendingSince: 1 }]);
    },
    load,
    /**
     * Applies a change once per cause, decided on the opened latest revision (the decision may be
     * asynchronous: sealing events) and inserted only on top of that same revision; a concurrent
     * change in between makes it decide again. `known`: the revision the caller just loaded.
     */
    async apply(
      id: string,
      causedBy: string,
      decide: Decide,
      known?: OpenedSubject,
    ): Promise<{ outcome: 'applied' | 'duplicate' | 'unchanged'; revision?: OpenedSubject; events?: EventEnvelope[] }> {
      for (let current = known ?? (await load(id)); ; current = await load(id)) {
        const change = await decide(current);
        const state = change ? await seal(change.state) : undefined;
        let stale = false;
        const result = await store.apply(id, causedBy, (latest) => {
          if ((latest?.rev ?? 0) !== (current?.rev ?? 0)) return void (stale = true);
          return state ? { state, events: change!.events ?? [] } : undefined;
        });
        if (stale && result.outcome === 'unchanged') continue;
        const rev = result.revision;
        return {
          outcome: result.outcome,
          ...(rev
            ? { revision: { rev: rev.rev, state: result.outcome === 'applied' && change ? change.state : await open(id, rev.state) } }
            : {}),
        };
      }
    },
    /** Pending reviews, oldest first (from the view: a decision just taken may take a moment to leave it). Nothing of the person is opened. */
    async reviewQueue(filter: ReviewQueueFilter, limit: number, offset: number): Promise<{ items: SubjectRow[]; total: number }> {
      const query = queueQuery(filter);
      const [items, total] = await Promise.all([
        store.find(query, { sort: { pendingSince: 1, _id: 1 }, skip: offset, limit }),
        store.view.countDocuments(query),
      ]);
      return { items: items as SubjectRow[], total };
    },
    /**
     * Subjects after `cursor` in id order, in batches, person opened, from two database cursors in
     * step: the view and screening's key table, both in id order (one query each per job run: on
     * FerretDB each `$gt`+sort query costs a scan, and each point read of a key another). Erased
     * subjects (no key, nothing sealed) come without a person; re-screening skips them.
     */
    async *batchesAfter(cursor: string, size: number): AsyncGenerator<SubjectView[]> {
      const filter = cursor ? { _id: { $gt: cursor } } : {};
      const keys = cipher.scanKeys(cursor);
      let key = await keys.next();
      let batch: SubjectView[] = [];
      try {
        for await (const row of store.scan(filter as never, { sort: { _id: 1 }, batchSize: size })) {
          while (!key.done && key.value.subject < row._id) key = await keys.next();
          const own = !key.done && key.value.subject === row._id ? key.value.key : undefined;
          const sealed =
            row.personal && !row.erased && own ? cipher.openWith<SubjectPersonal>(own, row._id, SUBJECT_FIELD, row.personal) : undefined;
          const erased = Boolean(row.erased) || (Boolean(row.personal) && !own);
          const state = joinSubject(row, sealed);
          batch.push({ ...state, ...(erased ? { erased: true } : {}), _id: row._id, _rev: row._rev });
          if (batch.length === size) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length) yield batch;
      } finally {
        await keys.return(undefined);
      }
    },
    async count(): Promise<number> {
      return store.view.countDocuments({ withdrawn: false });
    },
    /**
     * Benchmark seeding only: writes revision 1 and the view of many subjects in bulk, in the shape
     * `createAggregateStore` writes them (applying 100,000 subjects one by one takes minutes).
     */
    async seedForBenchmark(states: SubjectState[], at: string): Promise<void> {
      const sealed = await cipher.sealMany(
        states.map((s) => ({ candidateId: s.candidateId, field: SUBJECT_FIELD, value: splitSubject(s).personal })),
      );
      await store.createMany(
        states.map((s, i) => ({
          id: s.candidateId,
          causedBy: `seed:${s.candidateId}`,
          state: { ...splitSubject(s).stored, personal: sealed[i]! },
        })),
        () => new Date(at),
      );
    },
  };
}

export type SubjectRepository = ReturnType<typeof createSubjectRepository>;
