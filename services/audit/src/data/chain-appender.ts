import type { EventEnvelope, Logger } from '@vetting/platform';
import { entryFromEvent } from '../domain/entry-from-event';
import { GENESIS_HASH, type AuditEntry } from '../domain/hash-chain';
import type { AuditEntryRepository } from './audit-entry.repository';

export type AppendResult = 'appended' | 'duplicate';

interface Pending {
  event: EventEnvelope;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface ChainAppenderOptions {
  /** Most entries written in one insertMany round trip. Default 1000. */
  maxBatch?: number;
  /** The lowest head the chain may have (the latest signed checkpoint), so a lost hint is no problem. */
  minHead?: () => number;
  /** Called after each stored batch with the new head (the checkpointer counts entries with it). */
  onAppended?: (head: ChainHead, count: number) => void;
}

const isDuplicateKey = (e: unknown) => (e as { code?: number }).code === 11000;
const insertedBefore = (e: unknown) => {
  const err = e as { insertedCount?: number; result?: { insertedCount?: number } };
  return err.insertedCount ?? err.result?.insertedCount ?? 0;
};

/**
 * The one writer of the chain in this process. Appends are queued and written in batches (one
 * ordered insertMany per batch), each entry linked to the one before; callers get their promise
 * back once their entry is stored. A duplicate-key error means either the event is in the chain
 * already (a redelivery: reported as duplicate) or another instance took the next seq (the head is
 * reloaded and the rest relinked), so the chain never forks.
 */
export function createChainAppender(repository: AuditEntryRepository, logger: Logger, options: ChainAppenderOptions = {}) {
  const maxBatch = options.maxBatch ?? 1000;
  let head: ChainHead | undefined;
  let pending: Pending[] = [];
  let draining: Promise<void> | undefined;

  async function loadHead(): Promise<ChainHead> {
    const entry = await repository.head(options.minHead?.() ?? 0);
    return entry ? { seq: entry.seq, hash: entry.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  function link(items: Pending[], from: ChainHead): AuditEntry[] {
    const out: AuditEntry[] = [];
    let prev = from;
    for (const { event } of items) {
      const entry = entryFromEvent(event, prev.seq + 1, prev.hash);
      out.push(entry);
      prev = entry;
    }
    return out;
  }

  async function stored(entries: AuditEntry[]) {
    const last = entries[entries.length - 1]!;
    head = { seq: last.seq, hash: last.hash };
    await repository.indexRefs(entries);
    await repository.saveHeadHint(last.seq);
    options.onAppended?.(head, entries.length);
  }

  async function write(batch: Pending[]): Promise<void> {
    let items = batch;
    while (items.length > 0) {
      head ??= await loadHead();
      const entries = link(items, head);
      try {
        await repository.insertMany(entries);
        await stored(entries);
        for (const item of items) item.resolve('appended');
        return;
      } catch (error) {
        const done = isDuplicateKey(error) ? insertedBefore(error) : 0;
        head = undefined;
        if (!isDuplicateKey(error) || (done > 0 && !(await repository.hasEvent(items[done - 1]!.event.id)))) throw error;
        if (done > 0) await stored(entries.slice(0, done));
        for (const item of items.slice(0, done)) item.resolve('appended');
        const clash = items[done]!;
        items = items.slice(done + 1);
        if (await repository.hasEvent(clash.event.id)) clash.resolve('duplicate');
        else {
          logger.warn({ seq: entries[done]!.seq }, 'another writer appended first; reloading the chain head');
          items.unshift(clash);
        }
      }
    }
  }

  async function drain(): Promise<void> {
    // The emptiness check and the reset of `draining` run in one synchronous step, so an append
    // arriving at any moment either is taken by this loop or starts a new one.
    while (pending.length > 0) {
      const taken = pending.slice(0, maxBatch);
      pending = pending.slice(maxBatch);
      // The same event twice in one batch: the first is written, the others are duplicates.
      const seen = new Map<string, Pending>();
      const unique: Pending[] = [];
      for (const item of taken) {
        const first = seen.get(item.event.id);
        if (!first) {
          seen.set(item.event.id, item);
          unique.push(item);
        } else {
          const { resolve, reject } = first;
          first.resolve = (r) => (resolve(r), item.resolve('duplicate'));
          first.reject = (e) => (reject(e), item.reject(e));
        }
      }
      await write(unique).catch((error: unknown) => {
        logger.warn({ err: error }, 'audit append failed; the events will be redelivered');
        for (const item of unique) item.reject(error);
      });
    }
    draining = undefined;
  }

  function enqueue(event: EventEnvelope): Promise<AppendResult> {
    const result = new Promise<AppendResult>((resolve, reject) => pending.push({ event, resolve, reject }));
    draining ??= drain();
    return result;
  }

  return {
    append: enqueue,
    appendMany: (events: EventEnvelope[]) => Promise.all(events.map(enqueue)),
    /** The head this writer last stored or loaded (undefined until the first append). */
    currentHead: () => head,
    /** Resolves when everything queued so far is stored. */
    idle: async () => {
      while (draining) await draining;
    },
  };
}

export type ChainAppender = ReturnType<typeof createChainAppender>;
