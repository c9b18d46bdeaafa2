import type { EventEnvelope } from '../kafka/envelope';
import { writerOf } from './outbox-registry';

/**
 * The outbox fields of a document inserted together with the events it emits. Such documents are
 * never updated afterwards except by the relay, which clears `outboxPending` once it has published.
 * Given the collection the document goes to, it is stamped with its writer (see `writerOf`) and
 * the time: a relay of another process then leaves it to the writer's own relay for the write grace
 * (one relay publishes it, not every relay polling the collection); hand it over with
 * `announceOutbox(collection, [doc])` after the insert.
 */
export function initialOutbox(events: EventEnvelope[], collection?: object) {
  return {
    outbox: events,
    outboxPending: events.length > 0,
    ...(collection ? { writer: writerOf(collection), writtenAt: new Date().toISOString() } : {}),
  };
}
