import type { Connection } from 'mongoose';
import { createAggregateStore, type Change, type EventEnvelope, type Revision } from '@vetting/platform';
import type { Check, CheckState } from '../domain/check';
import type { CheckType } from '../domain/check-policy';

/** View fields of the packed store: what queries filter, sort and index on (the rest is one JSON text). */
const VIEW_FIELDS = [
  'checkId',
  'setId',
  'candidateId',
  'country',
  'checkType',
  'organisation',
  'state',
  'result',
  'round',
  'updatedAt',
] as const;

/** What a set's completion needs of a completed check (its `reference.check-completed` carries it). */
export type CompletedCheck = Pick<Check, 'checkId' | 'checkType' | 'state' | 'result' | 'findings'>;

/** Completions learned from events, remembered at most (then forgotten at once: a later completion reads). */
const LEARNED_LIMIT = 20_000;

/**
 * Checks are aggregates keyed by check id, stored as immutable revisions (FerretDB v1 loses
 * concurrent in-place updates). Every transition is `apply(checkId, causedBy, decide)`: the unique
 * `causedBy` (e.g. `result:<checkId>:<round>`) makes a result, from whichever source arrives first,
 * apply exactly once; later ones come back as `duplicate`. The store is packed (states as JSON
 * text, `VIEW_FIELDS` top-level in the view): FerretDB v1 converts every field of a document on each
 * read and write, and a check is read and written several times on its way.
 * `viewInBackground` (the worker's): a change is done once its revision is stored, so a claim's
 * request leaves and a result is published without waiting for the view row; the service's own
 * writes (answers to HTTP requests, then the console's lists) keep the row first.
 */
export function createCheckRepository(db: Connection, { viewInBackground = false }: { viewInBackground?: boolean } = {}) {
  const store = createAggregateStore<Check>(db, 'checks', { packed: { viewFields: VIEW_FIELDS }, viewInBackground });
  const learned = new Map<string, CompletedCheck>();
  return {
    revisions: store.revisions,
    async ensureIndexes() {
      await store.ensureIndexes([{ state: 1, updatedAt: 1 }, { setId: 1 }]);
    },
    /** The exact latest state (the newest revision). */
    async load(checkId: string): Promise<Check | undefined> {
      return (await store.load(checkId))?.state;
    },
    /**
     * Remembers a revision a job carried (the state its producer stored), unless a newer one is
     * remembered: the next `apply` decides on it with no read, and its insert is the compare-and-set
     * on that revision (a newer stored one, such as a withdrawal's, makes it decide again on that).
     */
    remember(checkId: string, rev: number, state: Check) {
      store.remember(checkId, { rev, at: state.updatedAt, state });
    },
    /**
     * Whether this process knows the check completed (its own result write, a read, or the check's
     * own event: `learnCompleted`): `completed` is final, so a known completion needs no read.
     * Anything else is read exactly.
     */
    async completedOrLoad(checkId: string): Promise<CompletedCheck | Check | undefined> {
      const known = learned.get(checkId) ?? store.remembered(checkId)?.state;
      return known?.state === 'completed' ? known : this.load(checkId);
    },
    /**
     * Remembers a completion the check's own `reference.check-completed` told (the service's own
     * event, published from the revision that completed it): a set's completion then needs no read of it.
     */
    learnCompleted(check: CompletedCheck) {
      if (learned.size >= LEARNED_LIMIT) learned.clear();
      learned.set(check.checkId, check);
    },
    /**
     * Opens many checks in one round trip (revision 1 of each, caused by `open:<checkId>`); checks
     * that exist already (a redelivered event) are left as they are. Returns the ids created now.
     */
    async openMany(items: { check: Check; events: EventEnvelope[] }[]): Promise<string[]> {
      const { created } = await store.createMany(
        items.map((i) => ({ id: i.check.checkId, causedBy: `open:${i.check.checkId}`, state: i.check, events: i.events })),
      );
      return created;
    },
    apply(checkId: string, causedBy: string, decide: (current: Check | undefined) => Change<Check> | undefined, now?: () => Date) {
      return store.apply(checkId, causedBy, (rev: Revision<Check> | undefined) => decide(rev?.state), now);
    },
    /**
     * Rewrites the view row of a check from its latest revision when the row is behind: a writer that
     * died between its revision and its projection leaves the row behind until the store's repair
     * (seconds later), and operators' lists and the sweeper read the view, so a rerun finding its
     * check past `requested` repairs the row at once. The latest revision is the one the caller just
     * read (remembered: no second read). Same row as the store's packed projection (read back by
     * `unpackViewRow`).
     */
    async repairView(checkId: string): Promise<void> {
      const latest = store.remembered(checkId) ?? (await store.load(checkId));
      if (!latest) return;
      const row = await store.view.findOne({ _id: checkId as never }, { projection: { _rev: 1 } });
      if (row && Number(row._rev) >= latest.rev) return;
      const fields = Object.fromEntries(VIEW_FIELDS.filter((f) => latest.state[f] !== undefined).map((f) => [f, latest.state[f]]));
      await store.view.replaceOne(
        { _id: checkId as never },
        { ...fields, _state: JSON.stringify(latest.state), _rev: latest.rev, _updatedAt: latest.at },
        { upsert: true },
      );
    },
    /** Counts latest states (the view: eventually consistent) matching a filter on view fields. */
    count(filter: Partial<Pick<Check, 'state' | 'result' | 'checkType'>>) {
      return store.view.countDocuments(filter);
    },
    /** Latest states by state (the view: eventually consistent, for operators and the sweeper). */
    async list(filter: { state?: CheckState; checkType?: CheckType }, limit: number): Promise<Check[]> {
      const query: Record<string, unknown> = {};
      if (filter.state) query.state = filter.state;
      if (filter.checkType) query.checkType = filter.checkType;
      const docs = await store.find(query, { sort: { updatedAt: 1 }, limit });
      return docs.map(({ _id, _rev, _updatedAt, ...rest }) => rest as unknown as Check);
    },
    /** Every state a check went through, oldest first (its history stays whatever it became). */
    async history(checkId: string): Promise<Check[]> {
      return (await store.history(checkId)).map((r) => r.state);
    },
    /** The held requests (`awaiting-contact`, the view) of some candidates: what a corrected nomination may supersede. */
    async heldOf(candidateIds: string[]): Promise<Check[]> {
      const docs = await store.find({ state: 'awaiting-contact', candidateId: { $in: candidateIds } });
      return docs.map(({ _id, _rev, _updatedAt, ...rest }) => rest as unknown as Check);
    },
    /** Counts revisions matching a filter (the benchmark counts applied results with it). */
    countRevisions(filter: Record<string, unknown>) {
      return store.revisions.countDocuments(filter);
    },
  };
}

export type CheckRepository = ReturnType<typeof createCheckRepository>;
