import { isDuplicateKey, type EventEnvelope, type Logger } from '@vetting/platform';
import { entryFromEvent } from '../domain/entry-from-event';
import { GENESIS_HASH, type AuditEntry } from '../domain/hash-chain';
import type { AuditEntryRepository, StoredBlock } from './audit-entry.repository';

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
  /** The audit digest key: each entry's `dataDigest` is an HMAC of the original data under it. */
  digestKey: Buffer;
  /** Most entries written in one block (one insert). Default 1000. */
  maxBatch?: number;
  /** The lowest head the chain may have (the latest signed checkpoint), so a lost hint is no problem. */
  minHead?: () => number;
  /** Called after each stored batch with the new head (the checkpointer counts entries with it). */
  onAppended?: (head: ChainHead, count: number) => void;
  /** How many of the latest entries' event ids are remembered to drop redeliveries before they are linked. Default 20,000. */
  dedupWindow?: number;
  /** A block another writer stored is checked to be indexed once it is this old (ms). Default 5000. */
  repairAfterMs?: number;
  now?: () => number;
}

interface Head extends ChainHead {
  block: number;
}

/**
 * The one writer of the chain in this process. Appends are queued and written in batches, each
 * batch as ONE block document (see the repository), its entries linked to the one before; callers
 * get their promise back once their entry is stored. Any number of processes may append at once:
 * a block number is claimed by a unique insert, so a writer that loses the race reads the blocks
 * it missed, relinks its batch after them and tries the next number (no fork, no hole). A
 * redelivered event is dropped before linking if it is among the latest `dedupWindow` entries (the
 * window covers every block this writer wrote or read since it loaded the head); an older one is
 * caught by the unique event id of the index and reported duplicate (it then sits in the chain
 * twice, counted once by the queries).
 */
export function createChainAppender(repository: AuditEntryRepository, logger: Logger, options: ChainAppenderOptions) {
  const maxBatch = options.maxBatch ?? 1000;
  const window = options.dedupWindow ?? 20_000;
  const repairAfterMs = options.repairAfterMs ?? 5000;
  const recent = new Map<string, number>();
  const unindexed: StoredBlock[] = [];
  let head: Head | undefined;
  let pending: Pending[] = [];
  let draining: Promise<void> | undefined;

  const headOf = (b: StoredBlock): Head => ({ block: b.block, seq: b.entries.at(-1)!.seq, hash: b.entries.at(-1)!.hash });
  function remember(entries: readonly AuditEntry[]) {
    for (const e of entries) recent.set(e.eventId, e.seq);
    for (const id of recent.keys()) {
      if (recent.size <= window) break;
      recent.delete(id);
    }
  }
  /** Blocks other writers stored, to check later that they were indexed (their writer may have died in between). */
  let foreign: { block: StoredBlock; seenAt: number }[] = [];
  const now = options.now ?? Date.now;
  /** Indexes a block if its rows are missing. */
  async function repair(b: StoredBlock) {
    if (b.entries.length > 0 && !(await repository.isIndexed(b.entries.at(-1)!))) await index(b);
  }
  /**
   * Foreign blocks seen more than `repairAfterMs` ago are checked (a live writer indexes its block
   * within milliseconds; indexing it at once as well made both writers fight over the same rows).
   */
  async function repairForeign() {
    const due = foreign.filter((f) => now() - f.seenAt >= repairAfterMs);
    foreign = foreign.filter((f) => now() - f.seenAt < repairAfterMs);
    for (const { block } of due) await repair(block);
  }
  async function index(b: StoredBlock): Promise<Set<string>> {
    const again = await repository.indexEntries(b.block, b.entries);
    await repository.indexRefs(b.block, b.entries);
    return again;
  }

  async function loadHead(): Promise<Head> {
    const last = await repository.lastBlock(options.minHead?.() ?? 0);
    if (!last) return { block: 0, seq: 0, hash: GENESIS_HASH };
    const loaded = [last];
    for (let n = last.block - 1, count = last.entries.length; n >= 1 && count < window; n--) {
      const b = await repository.block(n);
      if (!b) break;
      loaded.unshift(b);
      count += b.entries.length;
    }
    recent.clear();
    for (const b of loaded) {
      remember(b.entries);
      await repair(b);
    }
    return headOf(last);
  }

  /** After losing a block number: the blocks other writers stored since our head. */
  async function catchUp(from: Head): Promise<Head | undefined> {
    let at: Head | undefined;
    for (let b = await repository.block(from.block + 1); b; b = await repository.block(b.block + 1)) {
      remember(b.entries);
      foreign.push({ block: b, seenAt: now() });
      at = headOf(b);
    }
    return at;
  }

  function link(items: Pending[], from: ChainHead): AuditEntry[] {
    const out: AuditEntry[] = [];
    let prev = from;
    for (const { event } of items) {
      const entry = entryFromEvent(event, prev.seq + 1, prev.hash, options.digestKey);
      out.push(entry);
      prev = entry;
    }
    return out;
  }

  async function write(batch: Pending[]): Promise<void> {
    let items = batch;
    for (let lost = 0; ;) {
      head ??= await loadHead();
      // Blocks stored but not indexed (the index insert failed): indexed first, or the batch fails.
      while (unindexed.length > 0) {
        await index(unindexed[0]!);
        unindexed.shift();
      }
      await repairForeign();
      items = items.filter((item) => !recent.has(item.event.id) || (item.resolve('duplicate'), false));
      if (items.length === 0) return;
      const entries = link(items, head);
      const n = head.block + 1;
      try {
        await repository.insertBlock(n, entries);
      } catch (error) {
        const from = head;
        head = undefined; // unknown until read again (a lost acknowledgement may have stored it)
        if (!isDuplicateKey(error)) throw error;
        head = await catchUp(from);
        if (!head && ++lost > 3) throw error;
        logger.debug({ block: n }, 'another writer took the block; relinked after it');
        continue;
      }
      const stored: StoredBlock = { block: n, entries };
      head = headOf(stored);
      remember(entries);
      let again = new Set<string>();
      try {
        again = await index(stored);
      } catch (error) {
        logger.warn({ err: error, block: n }, 'audit block stored but not indexed yet; indexed before the next append');
        unindexed.push(stored);
      }
      await repository.saveHeadHint(n).catch((error: unknown) => logger.warn({ err: error }, 'audit head hint not saved'));
      options.onAppended?.({ seq: head.seq, hash: head.hash }, entries.length);
      for (const item of items) item.resolve(again.has(item.event.id) ? 'duplicate' : 'appended');
      return;
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
    // Started on the next microtask, so that appendMany's events go out together in one block.
    draining ??= Promise.resolve().then(drain);
    return result;
  }

  return {
    append: enqueue,
    appendMany: (events: EventEnvelope[]) => Promise.all(events.map(enqueue)),
    /** The head this writer last stored or loaded (undefined until the first append). */
    currentHead: (): ChainHead | undefined => (head ? { seq: head.seq, hash: head.hash } : undefined),
    /** Resolves when everything queued so far is stored. */
    idle: async () => {
      while (draining) await draining;
    },
  };
}

export type ChainAppender = ReturnType<typeof createChainAppender>;
