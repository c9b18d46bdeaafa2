import { startPeriodicTask, type Logger } from '@vetting/platform';
import { checkpointHistory, signCheckpoint, summariseCheckpoints, type Checkpoint } from '../domain/checkpoint';
import { createChainVerifier } from '../domain/chain-verifier';
import type { AuditEntryRepository } from '../data/audit-entry.repository';
import type { ChainHead } from '../data/chain-appender';
import type { CheckpointStore, SigningKeys } from '../data/checkpoint.store';
import type { PublishedCheckpoints } from '../data/published-checkpoints';

export interface CheckpointSchedulerOptions {
  chainId: string;
  repository: AuditEntryRepository;
  store: CheckpointStore;
  /** Where every checkpoint is also published, out of the database owner's reach. */
  published: Pick<PublishedCheckpoints, 'publish' | 'readAll'>;
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
 * Writes Ed25519-signed checkpoints of the chain head, published on the checkpoint topic first and
 * then appended to the file outside the database: every N entries, every T seconds while the chain
 * grows, on demand (exports) and on shutdown. Entries appended since the last head this process
 * trusts are verified (by _id reads) before their head is signed, so a checkpoint never vouches for
 * a broken link. At start the last head it trusts is the latest published checkpoint (or a later one
 * in the file): a chain that does not hold it was truncated or rewritten, and nothing is signed over
 * it, whatever the file says (a deleted or shortened file cannot reset what is trusted).
 */
export async function startCheckpointScheduler(options: CheckpointSchedulerOptions) {
  const { repository, store, keys, chainId, logger } = options;
  const now = options.now ?? (() => new Date());
  const summary = summariseCheckpoints(await store.readAll(), chainId, keys.publicKey);
  if (summary.invalid.length > 0)
    logger.error({ invalid: summary.invalid, file: store.file }, 'checkpoint file holds checkpoints that do not verify');
  const history = checkpointHistory(summary, await options.published.readAll(), chainId, keys.publicKey);
  if (history.problems.length > 0)
    logger.error(
      { problems: history.problems, file: store.file },
      'the checkpoint history is broken: the file lost checkpoints that were published',
    );
  let last: { seq: number; hash: string } | undefined = history.latest;
  let halted: string | undefined;
  if (last) {
    const entry = await repository.get(last.seq);
    if (entry?.hash !== last.hash) {
      halted = `the chain does not hold its latest signed checkpoint (entry ${last.seq}): truncated or rewritten`;
      logger.error({ checkpoint: last, found: entry?.hash ?? null }, `${halted}; no checkpoint is signed until the chain is restored`);
    }
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
    if (halted) return undefined;
    const head = await verifiedHead();
    if (!head || (last && head.seq <= last.seq)) return undefined;
    const checkpoint = await signCheckpoint({ chainId, seq: head.seq, hash: head.hash, time: now().toISOString() }, keys.signer);
    // Published first: a file append that fails afterwards leaves the file short of the topic, which
    // verification reports, never a checkpoint only the file knows.
    await options.published.publish(checkpoint);
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

  /**
   * Runs `read` while no checkpoint is being written: a checkpoint is published before it is
   * appended to the file, so a reader of both between the two steps would see it only on the topic.
   */
  function exclusive<T>(read: () => Promise<T>): Promise<T> {
    const run = writing.then(read, read);
    writing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  // A failed write is logged where it is serialised (checkpointNow); the next tick tries again.
  const timer = startPeriodicTask('audit-checkpoint', options.everyMs, logger, () =>
    checkpointNow().then(
      () => undefined,
      () => undefined,
    ),
  );

  return {
    checkpointNow,
    exclusive,
    /** Call after each stored batch: checkpoints once N entries have accumulated. */
    onAppended(head: ChainHead) {
      if (head.seq - (last?.seq ?? 0) >= options.everyEntries) void checkpointNow().catch(() => undefined);
    },
    latest: () => last,
    /** Why this process signs nothing (the chain does not hold the latest trusted checkpoint), if so. */
    halted: () => halted,
    async stop() {
      await timer.stop();
      await checkpointNow().catch(() => undefined);
    },
  };
}

export type CheckpointScheduler = Awaited<ReturnType<typeof startCheckpointScheduler>>;
