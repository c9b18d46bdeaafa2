import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { Actor } from '../http/auth';
import { createEvent } from '../kafka/envelope';
import { announceOutbox } from '../outbox/outbox-registry';
import { initialOutbox } from '../outbox/initial-outbox';

export interface AccessRecord {
  actor: Actor;
  /** The person whose data was read (a candidate id), or `list` with `subjectIds`. */
  subjectId: string;
  subjectIds?: string[];
  resource: string;
  purpose: string;
  fields?: string[];
}

export interface AccessRecorder {
  record(access: AccessRecord): Promise<void>;
  readonly collection: Collection;
}

/**
 * Every read of personal data becomes an `access.recorded` event for the audit trail. The event is
 * written to this service's own outbox collection before the data is returned, so a read can never
 * happen unrecorded; the outbox relay publishes it.
 */
export function createAccessRecorder(db: Connection, source: string, onWrite: () => void = () => undefined): AccessRecorder {
  const collection = db.collection('access_outbox') as unknown as Collection;
  return {
    collection,
    async record(access) {
      const event = createEvent(source, {
        type: 'access.recorded',
        subject: access.subjectId,
        tenant: access.actor.country,
        data: {
          actor: access.actor.id,
          role: access.actor.roles.join(','),
          ...(access.actor.country ? { actorCountry: access.actor.country } : {}),
          subjectId: access.subjectId,
          ...(access.subjectIds ? { subjectIds: access.subjectIds } : {}),
          resource: access.resource,
          purpose: access.purpose,
          ...(access.fields ? { fields: access.fields } : {}),
        },
      });
      const doc = { _id: event.id, ...initialOutbox([event], collection) };
      await collection.insertOne(doc as never);
      announceOutbox(collection, [doc]);
      onWrite();
    },
  };
}

/** The most people one `access.recorded` event names (its schema's `subjectIds.maxItems`). */
export const ACCESS_SUBJECTS_PER_EVENT = 500;

/**
 * A read of a list of people is a read of each one: nothing is recorded when the list shows nobody,
 * otherwise every distinct person is named, in as many `list` records as the event's limit needs.
 * The records are written at once (a 10,000-member roll is 20 of them), all before this resolves.
 */
export async function recordListRead(
  access: Pick<AccessRecorder, 'record'>,
  actor: Actor,
  subjectIds: Iterable<string>,
  what: Pick<AccessRecord, 'resource' | 'purpose' | 'fields'>,
): Promise<void> {
  const ids = [...new Set(subjectIds)];
  const records: Promise<void>[] = [];
  for (let i = 0; i < ids.length; i += ACCESS_SUBJECTS_PER_EVENT)
    records.push(access.record({ actor, subjectId: 'list', subjectIds: ids.slice(i, i + ACCESS_SUBJECTS_PER_EVENT), ...what }));
  await Promise.all(records);
}
