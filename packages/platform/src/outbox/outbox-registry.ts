import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../kafka/envelope';

/**
 * How far a revision written by one aggregate-store instance has got, as that instance knows it:
 * - `writing`: inserted, its view not written yet (the relay leaves it to its writer);
 * - `recheck`: its view is written, but the state it was decided on came from another writer whose
 *   view write may still land after this one: the store looks again after the grace (see
 *   aggregate-store.ts) and only then may the relay clear it;
 * - `failed`: the view write failed after the insert: the relay has the view checked first;
 * - `settled`: the view shows it (or something newer): the relay may clear it as it is.
 * A revision no instance in this process knows is another process's (or a dead one's): the relay
 * leaves it alone for the grace period, then has its view checked before clearing it.
 */
export type WriteState = 'writing' | 'recheck' | 'failed' | 'settled';

/** What an aggregate store tells the outbox relays of its process about its revisions collection. */
export interface StoreHooks {
  /** Random per store instance: stamped on every revision it writes (`writer`). */
  writer: string;
  stateOf(revisionId: string): WriteState | undefined;
  /** Makes the view of an aggregate show its newest revision; true when it had to write it. */
  settleView(aggregateId: string): Promise<boolean>;
  /** The relay cleared these revisions: nothing more to track. */
  forget(revisionIds: string[]): void;
  /** Repairs the views of bulk creations a crash interrupted (markers older than `graceMs`); returns the views written. */
  repairBulk(graceMs: number): Promise<number>;
}

/** An outbox document just stored, handed to the relay so it need not find it by polling. */
export interface AnnouncedDoc {
  _id: unknown;
  outbox: EventEnvelope[] | string;
}

const stores = new WeakMap<object, StoreHooks[]>();
const writers = new WeakMap<object, string>();

/**
 * The writer id stamped on insert-only outbox documents written through this collection object
 * (`initialOutbox`): one per collection object, i.e. per connection, so a relay knows the documents
 * its own process handed it from those of another process (or of another connection in a test that
 * runs two services in one process).
 */
export function writerOf(collection: object): string {
  let writer = writers.get(collection);
  if (!writer) writers.set(collection, (writer = randomUUID()));
  return writer;
}
const listeners = new WeakMap<object, Set<(docs: AnnouncedDoc[]) => void>>();

/** Registers a store instance's hooks for its revisions collection (a connection hands out one object per name). */
export function registerStore(collection: object, hooks: StoreHooks): void {
  stores.set(collection, [...(stores.get(collection) ?? []), hooks]);
}

export const storesOf = (collection: object): StoreHooks[] => stores.get(collection) ?? [];

/**
 * Hands documents that were just inserted with a pending outbox to the relays of this process
 * watching their collection: they publish from memory at once instead of finding them on their next
 * poll (one query fewer per write, and no poll interval in the latency). With no relay listening the
 * poll still finds them.
 */
export function announceOutbox(collection: object, docs: AnnouncedDoc[]): void {
  if (!docs.length) return;
  for (const listener of listeners.get(collection) ?? []) listener(docs);
}

export function listenForOutbox(collection: object, listener: (docs: AnnouncedDoc[]) => void): () => void {
  const set = listeners.get(collection) ?? new Set();
  set.add(listener);
  listeners.set(collection, set);
  return () => set.delete(listener);
}
