import type { EventEnvelope } from '../kafka/envelope';
import type { AnnouncedDoc } from './outbox-registry';

/** What the relay keeps of a published event by default: the payload of access records only (see `keepPublishedPayload`). */
export const keepAccessRecords = (event: EventEnvelope) => event.type === 'access.recorded';

/** An event as kept after publication: its envelope, and its payload only when `keep` says so. */
export function publishedForm(events: EventEnvelope[], keep: (event: EventEnvelope) => boolean = keepAccessRecords): EventEnvelope[] {
  return events.map((event) => {
    if (keep(event)) return event;
    const { data: _payload, ...envelope } = event;
    return envelope as EventEnvelope;
  });
}

/** The events of an outbox document (packed stores keep them as JSON text). */
export const outboxOf = (doc: AnnouncedDoc): EventEnvelope[] =>
  typeof doc.outbox === 'string' ? (JSON.parse(doc.outbox) as EventEnvelope[]) : (doc.outbox ?? []);
