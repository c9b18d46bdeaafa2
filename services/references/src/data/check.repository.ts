import type { Connection } from 'mongoose';
import { createAggregateStore, type Change, type EventEnvelope, type Revision } from '@vetting/platform';
import type { Check, CheckState } from '../domain/check';
import type { CheckType } from '../domain/check-policy';

/**
 * Checks are aggregates keyed by check id, stored as immutable revisions (FerretDB v1 loses
 * concurrent in-place updates). Every transition is `apply(checkId, causedBy, decide)`: the unique
 * `causedBy` (e.g. `result:<checkId>:<round>`) makes a result, from whichever source arrives first,
 * apply exactly once; later ones come back as `duplicate`.
 */
export function createCheckRepository(db: Connection) {
  const store = createAggregateStore<Check>(db, 'checks');
  return {
    revisions: store.revisions,
    view: store.view,
    async ensureIndexes() {
      await store.ensureIndexes([{ state: 1, updatedAt: 1 }, { setId: 1 }]);
    },
    async load(checkId: string): Promise<Check | undefined> {
      return (await store.load(checkId))?.state;
    },
    /**
     * Opens many checks in one round trip (revision 1 of each, caused by `open:<checkId>`); checks
     * that exist already (a redelivered event) are left as they are. Returns the ids created now.
     */
    async openMany(items: { check: Check; events: EventEnvelope[] }[]): Promise<string[]> {
      const { created } = await store.createMany(items.map((i) => ({ id: i.check.checkId, causedBy: `open:${i.check.checkId}`, state: i.check, events: i.events })));
      return created;
    },
    apply(checkId: string, causedBy: string, decide: (current: Check | undefined) => Change<Check> | undefined, now?: () => Date) {
      return store.apply(checkId, causedBy, (rev: Revision<Check> | undefined) => decide(rev?.state), now);
    },
    /**
     * Rewrites the view row of a check from its exact latest revision when the row is behind. A
     * writer that dies between inserting a revision and projecting it (a SIGKILLed worker) leaves
     * the view stale until the aggregate changes again; a completed check never changes again, so
     * whoever next finds it (the rerun job) repairs the row. Same row shape as the store's `project`.
     */
    async repairView(check: Check): Promise<void> {
      const latest = await store.load(check.checkId);
      if (!latest) return;
      const row = await store.view.findOne({ _id: check.checkId as never }, { projection: { _rev: 1 } });
      if (row && Number(row._rev) >= latest.rev) return;
      await store.view.replaceOne({ _id: check.checkId as never }, { ...latest.state, _rev: latest.rev, _updatedAt: latest.at }, { upsert: true });
    },
    /** Latest states by state (the view: eventually consistent, for operators and the sweeper). */
    async list(filter: { state?: CheckState; checkType?: CheckType }, limit: number): Promise<Check[]> {
      const query: Record<string, unknown> = {};
      if (filter.state) query.state = filter.state;
      if (filter.checkType) query.checkType = filter.checkType;
      const docs = await store.find(query, { sort: { updatedAt: 1 }, limit });
      return docs.map(({ _id, _rev, ...rest }) => rest as unknown as Check);
    },
    /** Counts revisions matching a filter (the benchmark counts applied results with it). */
    countRevisions(filter: Record<string, unknown>) {
      return store.revisions.countDocuments(filter);
    },
  };
}

export type CheckRepository = ReturnType<typeof createCheckRepository>;
