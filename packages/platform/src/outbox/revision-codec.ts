import type { Document } from 'mongodb';
import type { Revision, RevisionDoc, ViewRow } from './aggregate-types';

export const revisionId = (id: string, rev: number) => `${id}#${String(rev).padStart(8, '0')}`;

export const unpack = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export function toRevision<S>(doc: RevisionDoc<S>): Revision<S> {
  return {
    aggregateId: doc.aggregateId,
    rev: doc.rev,
    state: unpack(doc.state),
    causedBy: doc.causedBy,
    at: doc.at,
    events: unpack(doc.outbox),
  };
}

/** A view row from its stored form: packed rows keep the state in `_state`. */
export function unpackViewRow<S>(doc: Document): ViewRow<S> {
  if (typeof doc._state !== 'string') return doc as ViewRow<S>;
  return { ...(JSON.parse(doc._state) as S), _id: doc._id as string, _rev: doc._rev as number, _updatedAt: doc._updatedAt as string };
}
