import type { Logger } from '@vetting/platform';
import { signCheckpoint, summariseCheckpoints, type Checkpoint } from '../domain/checkpoint';
import { createChainVerifier } from '../domain/chain-verifier';
import type { AuditEntryRepository } from '../data/audit-entry.repository';
import type { ChainHead } from '../data/chain-appender';
import type { CheckpointStore, SigningKeys } from '../data/checkpoint.store';

export interface CheckpointSchedulerOptions {
  chainId: string;
  repository: AuditEntryRepository;
  store: CheckpointStore;
  keys: SigningKeys;
  /** The head this process itself stored last: signed without re-reading it. */
  ownHead: () => ChainHead | undefined;
  /** A checkpoint after this many new entries. */
  everyEntries: number;
  /** And at least this often while the chain grows. */
  everyMs: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * Writes Ed25519-signed checkpoints of the chain head to the append-only file outside the database:
 * every N entries, every T seconds while the chain grows, on demand (exports) and on shutdown.
 * Entries appended by another instance since the last head this one trusts are verified (by _id
 * reads) before their head is signed, so a checkpoint never vouches for a broken link.
 */
export async function startCheckpointScheduler(options: CheckpointSchedulerOptions) {
  const { repository, store, keys, chainId, logger } = options;
  const now = options.now ?? (() => new Date());
  const summary = summariseCheckpoints(await store.readAll(), chainId, keys.publicKey);
  if (summary.invalid.length > 0) logger.error({ invalid: summary.invalid, file: store.file }, 'checkpoint file holds checkpoints that do not verify');
  let last: { seq: number; hash: string } | undefined = summary.latest;
  if (last) {
    const entry = await repository.get(last.seq);
    if (entry?.hash !== last.hash) logger.error({ checkpoint: last, found: entry?.hash ?? null }, 'the chain does not hold its latest signed checkpoint: truncated or rewritten');
  }
  let writing: Promise<Checkpoint | undefined> = Promise.resolve(undefined);

  async function verifiedHead(): Promise<ChainHead | undefined> {
    const own = options.ownHead();
    const head = await repository.head(Math.max(last?.seq ?? 0, own?.seq ?? 0));
    if (!head) return undefined;
    if (own && own.seq === head.seq) return own.hash === head.hash ? own : undefined;
    const base = own && own.seq >= (last?.seq ?? 0) ? own : last;
    const verifier = createChainVerifier(base ? { seq: base.seq + 1, prevHash: base.hash } : undefined);
    for await (const entry of repository.range((base?.seq ?? 0) + 1, head.seq)) if (!verifier.check(entry)) break;
    const result = verifier.finish(head.seq);
    if (!result.ok) {
      logger.error({ result }, 'not signing a checkpoint over a broken chain');
      return undefined;
    }
    return { seq: head.seq, hash: head.hash };
  }

  async function write(): Promise<Checkpoint | undefined> {
    const head = await verifiedHead();
    if (!head || (last && head.seq <= last.seq)) return undefined;
    const checkpoint = signCheckpoint({ chainId, seq: head.seq, hash: head.hash, time: now().toISOString() }, keys.privateKey);
    await store.append(checkpoint);
    last = { seq: head.seq, hash: head.hash };
    logger.debug({ seq: head.seq }, 'audit checkpoint written');
    return checkpoint;
  }

  /** Serialised: one checkpoint write at a time. Resolves with the new checkpoint, if the head moved. */
  function checkpointNow(): Promise<Checkpoint | undefined> {
    const next = writing.then(write, write);
    writing = next.catch((error: unknown) => {
      logger.warn({ err: error }, 'checkpoint write failed; the next interval retries');
      return undefined;
    });
    return next;
  }

  const timer = setInterval(() => void checkpointNow().catch(() => undefined), options.everyMs);
  timer.unref();

  return {
    checkpointNow,
    /** Call after each stored batch: checkpoints once N entries have accumulated. */
    onAppended(head: ChainHead) {
      if (head.seq - (last?.seq ?? 0) >= options.everyEntries) void checkpointNow().catch(() => undefined);
    },
    latest: () => last,
    async stop() {
      clearInterval(timer);
      await checkpointNow().catch(() => undefined);
    },
  };
}

export type CheckpointScheduler = Awaited<ReturnType<typeof startCheckpointScheduler>>;
