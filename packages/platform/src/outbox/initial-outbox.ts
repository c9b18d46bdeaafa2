import type { EventEnvelope } from '../kafka/envelope';

/** A MongoDB update document made only of operators ($set, $push, $inc...). */
export type UpdateDoc = Record<string, Record<string, unknown>>;

/** Merges update documents operator by operator (later fields win within one operator). */
export function composeUpdate(...parts: UpdateDoc[]): UpdateDoc {
  const out: UpdateDoc = {};
  for (const part of parts) for (const [op, fields] of Object.entries(part)) out[op] = { ...(out[op] ?? {}), ...fields };
  return out;
}

/**
 * Adds events to the aggregate's own outbox in the same single-document update that changes it:
 * no multi-document transaction needed, and the event can never be lost or published without
 * its change. `outboxRev` lets the relay remove exactly what it published.
 */
export function withOutbox(update: UpdateDoc, events: EventEnvelope[]): UpdateDoc {
  if (!events.length) return update;
  return composeUpdate(update, {
    $push: { outbox: { $each: events } },
    $set: { outboxPending: true },
    $inc: { outboxRev: 1 },
  });
}

/**
 * Makes a consumer's update apply at most once per event: the filter excludes documents that
 * already list the event id, and the update records it, atomically with the effect.
 */
export function onlyOnce(filter: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return { ...filter, handledEvents: { $ne: eventId } };
}

export function recordHandled(update: UpdateDoc, eventId: string): UpdateDoc {
  return composeUpdate(update, { $push: { handledEvents: eventId } });
}

/** Fields every aggregate with an outbox carries; spread into its mongoose schema definition. */
export const outboxSchemaFields = {
  outbox: { type: [Object], default: [] },
  outboxPending: { type: Boolean, default: false, index: true },
  outboxRev: { type: Number, default: 0 },
  handledEvents: { type: [String], default: [] },
} as const;

/** The initial outbox fields of a document inserted together with its first events. */
export function initialOutbox(events: EventEnvelope[]) {
  return { outbox: events, outboxPending: events.length > 0, outboxRev: events.length > 0 ? 1 : 0 };
}
