import type { Connection } from 'mongoose';
import { createAggregateStore } from '@vetting/platform';

export interface RescreenState extends Record<string, unknown> {
  listId: string;
  version: number;
  status: 'running' | 'completed' | 'superseded';
  /** `delta`: only added and changed entries are searched for people without hits on the list; `full`: everyone against the whole list. */
  mode: 'delta' | 'full';
  /** Entry ids added or changed by the version (for delta mode). */
  deltaIds: string[];
  /** Last subject id done: batches resume after it. */
  cursor: string;
  batches: number;
  processed: number;
  changed: number;
  total: number;
  startedAt: string;
  finishedAt?: string;
}

export const rescreenId = (listId: string, version: number) => `${listId}@${version}`;

/**
 * Re-screening jobs, one per list version (aggregate `rescreens`). Each finished batch is a revision
 * caused by `batch:<n>`, so two workers finishing the same batch record it once, and a crash loses
 * at most the batch in progress (redone, with each candidate's effect applied once).
 */
export function createRescreenRepository(db: Connection) {
  const store = createAggregateStore<RescreenState>(db, 'rescreens');
  return {
    collection: store.revisions,
    ensureIndexes: () => store.ensureIndexes([{ status: 1 }]),
    async get(listId: string, version: number) {
      return (await store.load(rescreenId(listId, version)))?.state;
    },
    /** Creates the job once per list version (a redelivered `banlist.published` finds it there). */
    async create(state: RescreenState, causedBy: string) {
      return store.apply(rescreenId(state.listId, state.version), causedBy, (current) => (current ? undefined : { state }));
    },
    async running(): Promise<RescreenState[]> {
      const docs = await store.find({ status: 'running' });
      return docs.map(({ _id, _rev, ...s }) => s as unknown as RescreenState);
    },
    async load(listId: string, version: number) {
      return store.load(rescreenId(listId, version));
    },
    /** Records batch `batch` (0-based) once; false when another worker recorded it first. */
    async commitBatch(listId: string, version: number, batch: number, next: (s: RescreenState) => RescreenState): Promise<boolean> {
      const result = await store.apply(rescreenId(listId, version), `batch:${rescreenId(listId, version)}:${batch}`, (current) =>
        current && current.state.batches === batch && current.state.status === 'running' ? { state: next(current.state) } : undefined,
      );
      return result.outcome === 'applied';
    },
    async finish(listId: string, version: number, status: 'completed' | 'superseded', at: string) {
      await store.apply(rescreenId(listId, version), `finish:${rescreenId(listId, version)}`, (current) =>
        current && current.state.status === 'running' ? { state: { ...current.state, status, finishedAt: at } } : undefined,
      );
    },
  };
}

export type RescreenRepository = ReturnType<typeof createRescreenRepository>;
