import type { EventEnvelope, Logger } from '@vetting/platform';
import { GENESIS_HASH, hashEntry, type EntryBody } from '../domain/hash-chain';
import { redactEventData } from '../domain/redact';
import type { AuditEntryRepository } from './audit-entry.repository';

export type AppendResult = 'appended' | 'duplicate';

/**
 * Appends events to the one chain, one at a time. The head is cached; a duplicate-key error means
 * either the event is already in the chain (redelivery: nothing to do) or another writer took the
 * next sequence number (reload the head and try again), so the chain never forks.
 */
export function createChainAppender(repository: AuditEntryRepository, logger: Logger) {
  let head: { seq: number; hash: string } | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  async function loadHead() {
    const entry = await repository.head();
    return entry ? { seq: entry.seq, hash: entry.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  async function appendNow(event: EventEnvelope): Promise<AppendResult> {
    for (;;) {
      head ??= await loadHead();
      const { data, dataDigest } = redactEventData(event.data);
      const actor = typeof event.data.actor === 'string' ? event.data.actor : typeof event.data.decidedBy === 'string' ? event.data.decidedBy : undefined;
      const body: EntryBody = {
        seq: head.seq + 1,
        eventId: event.id,
        type: event.type,
        source: event.source,
        subject: event.subject,
        ...(event.tenant ? { tenant: event.tenant } : {}),
        time: event.time,
        correlationId: event.correlationid,
        ...(event.causationid ? { causationId: event.causationid } : {}),
        ...(actor ? { actor } : {}),
        data,
        dataDigest,
        prevHash: head.hash,
      };
      const hash = hashEntry(body);
      try {
        await repository.insert({ ...body, hash });
        head = { seq: body.seq, hash };
        return 'appended';
      } catch (error) {
        head = undefined;
        if ((error as { code?: number }).code !== 11000) throw error;
        if (await repository.hasEvent(event.id)) return 'duplicate';
        logger.warn({ seq: body.seq }, 'another writer appended first; reloading the chain head');
      }
    }
  }

  return {
    append(event: EventEnvelope): Promise<AppendResult> {
      const result = queue.then(() => appendNow(event));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

export type ChainAppender = ReturnType<typeof createChainAppender>;
