import type { EventEnvelope } from '../kafka/envelope';

/**
 * The outbox fields of a document inserted together with the events it emits. Such documents are
 * never updated afterwards except by the relay, which clears `outboxPending` once it has published.
 */
export function initialOutbox(events: EventEnvelope[]) {
  return { outbox: events, outboxPending: events.length > 0 };
}
