import type { Document } from 'mongodb';
import type { EventEnvelope } from '../kafka/envelope';

/** One stored revision of an aggregate: its whole state after a change, and the events the change emitted. */
export interface Revision<S> {
  aggregateId: string;
  rev: number;
  state: S;
  /** What caused the change: an event id, or a command/idempotency key. Unique: a cause applies once. */
  causedBy: string;
  at: string;
  events: EventEnvelope[];
}

export interface RevisionDoc<S> extends Document {
  _id: string;
  aggregateId: string;
  rev: number;
  /** The state, or its JSON text in a packed store. */
  state: S | string;
  causedBy: string;
  at: string;
  /** The events, or their JSON text in a packed store (the outbox relay reads both). */
  outbox: EventEnvelope[] | string;
  /** Set on every revision until the relay has published its events and its view is known written. */
  outboxPending: boolean;
  /** The store instance that wrote it (see outbox-registry.ts); absent on revisions of older versions. */
  writer?: string;
}

export interface AggregateStoreOptions {
  /**
   * Store each state (and outbox) as one JSON text instead of a nested document, keeping only
   * `viewFields` as top-level fields of the view for filters, sorts and indexes. FerretDB v1 converts
   * every field of a document on each read and write: measured here, reading 10,000 nested candidate
   * states took 10.6 s, the same states as one text field 2.4 s. Old unpacked documents still read.
   */
  packed?: { viewFields: readonly string[] };
  /**
   * Keep the newest revision of up to this many aggregates in memory (default 5,000; 0: off). `apply` then
   * decides on the remembered revision and lets the insert of the next revision check it (the unique
   * `_id` `<id>#<n+1>` fails when someone else wrote n+1), reading the database only on a miss, a
   * lost race, or a decision that refuses or changes nothing on remembered state. An unknown id is
   * first taken as new (its revision 1 insert is the check). Saves the latest-revision read (a round
   * trip) on most writes.
   */
  cacheLatest?: number;
  /**
   * `apply` resolves once the revision is stored, and its events leave at once; the view row follows
   * in the background (the relay clears the revision only once it is written). For stores whose
   * writers go on at once (the references worker sends the request its claim allows): under load the
   * view writes of one collection queue behind each other (FerretDB v1 replaces read and write the
   * row), and measured here a claim waited 7.3 s (p50) for its row before its request left. Reads by id
   * are exact either way; the view is eventually consistent either way, only later here. Default false.
   */
  viewInBackground?: boolean;
  /** How long a write may take from its revision to its view (see WRITE_GRACE_MS, the default); tests shorten it. */
  writeGraceMs?: number;
}

/** A view row as queries return it: the latest state with its id and revision. */
export type ViewRow<S> = S & { _id: string; _rev: number; _updatedAt?: string };

export interface Change<S> {
  state: S;
  events?: EventEnvelope[];
}

export type AppendOutcome<S> =
  { outcome: 'applied'; revision: Revision<S> } | { outcome: 'duplicate' | 'unchanged'; revision?: Revision<S> };
