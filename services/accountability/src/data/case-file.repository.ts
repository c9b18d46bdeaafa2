import type { Connection } from 'mongoose';
import { createAggregateStore, type EventEnvelope } from '@vetting/platform';
import type { ActionRequest } from '../domain/action-request';
import type { DisclosureRequest } from '../domain/disclosure-request';

/**
 * One kind of case file (requests for action) as immutable revisions: every
 * acknowledgement, response, reminder and closure is a kept revision of the record.
 */
export function createCaseFileRepository<T extends { id: string }>(db: Connection, name: string, viewIndexes: Record<string, 1 | -1>[]) {
  const store = createAggregateStore<T & Record<string, unknown>>(db, name);
  const plain = ({ _id: _i, _rev: _r, _updatedAt: _u, ...row }: Record<string, unknown>) => row as unknown as T;
  return {
    collection: store.revisions,
    ensureIndexes: () => store.ensureIndexes(viewIndexes),
    load: async (id: string) => (await store.load(id))?.state as T | undefined,
    history: async (id: string) => (await store.history(id)).map((r) => ({ rev: r.rev, at: r.at, state: r.state as T })),
    /** Applies a change once per cause; `decide` returns the new state and its events, or undefined to change nothing. */
    change: (id: string, causedBy: string, decide: (current: T | undefined) => { state: T; events: EventEnvelope[] } | undefined) =>
      store.apply(id, causedBy, (current) => {
        const next = decide(current?.state as T | undefined);
        return next ? { state: next.state as T & Record<string, unknown>, events: next.events } : undefined;
      }),
    /** The latest states matching (from the view: eventually consistent), newest first by `sort`. */
    find: async (filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit = 500) =>
      (await store.find(Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), { sort, limit })).map((row) =>
        plain(row),
      ),
    scan: async function* (filter: Record<string, unknown>) {
      for await (const row of store.scan(filter)) yield plain(row);
    },
  };
}

export type CaseFileRepository<T extends { id: string }> = ReturnType<typeof createCaseFileRepository<T>>;

/** Requests for action, found by country and date, state, candidate and list entry. */
export const createActionRequestRepository = (db: Connection) =>
  createCaseFileRepository<ActionRequest>(db, 'action_requests', [
    { country: 1, sentAt: -1 },
    { state: 1 },
    { candidateId: 1 },
    { 'listEntry.listId': 1, 'listEntry.entryId': 1 },
  ]);

/** Disclosure requests, found by addressee and date, candidate and country. */
export const createDisclosureRequestRepository = (db: Connection) =>
  createCaseFileRepository<DisclosureRequest>(db, 'disclosure_requests', [
    { addressedTo: 1, receivedAt: -1 },
    { candidateId: 1 },
    { country: 1 },
  ]);
