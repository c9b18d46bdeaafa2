import type { Connection } from 'mongoose';
import { createAggregateStore, type Change, type Revision } from '@vetting/platform';
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
    apply(checkId: string, causedBy: string, decide: (current: Check | undefined) => Change<Check> | undefined, now?: () => Date) {
      return store.apply(checkId, causedBy, (rev: Revision<Check> | undefined) => decide(rev?.state), now);
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
