import { AUDIT_CHECKPOINT_TOPIC } from '@vetting/contracts';
import { join } from 'node:path';
import { loadOrCreateSecretKey, type ServiceRuntime } from '@vetting/platform';
import type { AuditConfig } from './config';
import { createAuditEntryRepository } from './data/audit-entry.repository';
import { createChainAppender } from './data/chain-appender';
import { createCheckpointStore, loadOrCreateSigningKeys, moveSigningKeyOutOf } from './data/checkpoint.store';
import { startPublishedCheckpoints } from './data/published-checkpoints';
import { createVerifyPool } from './data/verify-pool';
import { startCheckpointScheduler, type CheckpointScheduler } from './jobs/checkpoint.job';

/**
 * The chain's stores and keys: the entries, the signing and digest keys (kept apart from the
 * checkpoints they sign), the checkpoint files, and the checkpoint history on its own topic, where
 * the database's owner cannot rewrite it.
 */
export async function openChainStores(config: AuditConfig, keyDir: string, runtime: ServiceRuntime) {
  const chainId = config.AUDIT_CHAIN_ID ?? config.MONGO_DB;
  const repository = createAuditEntryRepository(runtime.db);
  await repository.ensureIndexes();
  if (await moveSigningKeyOutOf(config.AUDIT_CHECKPOINT_DIR, keyDir))
    runtime.logger.warn({ keyDir }, 'the checkpoint signing key was moved out of the checkpoint directory');
  const keys = await loadOrCreateSigningKeys(keyDir);
  const digestKey = loadOrCreateSecretKey(join(keyDir, 'audit-digest.key'));
  const checkpoints = createCheckpointStore(config.AUDIT_CHECKPOINT_DIR, chainId);
  const published = await startPublishedCheckpoints({
    kafka: runtime.kafka,
    publisher: runtime.publisher,
    topic: `${config.TOPIC_PREFIX}${AUDIT_CHECKPOINT_TOPIC}`,
    groupPrefix: `${config.TOPIC_PREFIX}audit-checkpoints`,
    logger: runtime.logger,
  });
  return { chainId, repository, keys, digestKey, checkpoints, published };
}

export type ChainStores = Awaited<ReturnType<typeof openChainStores>>;

/**
 * The appender and the checkpointer, which know each other: the first counts entries for the
 * second, the second tells the first the lowest head the chain may have.
 */
export async function startChainWriters(config: AuditConfig, stores: ChainStores, runtime: ServiceRuntime) {
  const late: { scheduler?: CheckpointScheduler } = {};
  const appender = createChainAppender(stores.repository, runtime.logger, {
    digestKey: stores.digestKey,
    maxBatch: config.AUDIT_APPEND_BATCH,
    dedupWindow: config.AUDIT_DEDUP_WINDOW,
    minHead: () => late.scheduler?.latest()?.seq ?? 0,
    onAppended: (head) => late.scheduler?.onAppended(head),
  });
  const scheduler = await startCheckpointScheduler({
    chainId: stores.chainId,
    repository: stores.repository,
    store: stores.checkpoints,
    published: stores.published,
    keys: stores.keys,
    ownHead: appender.currentHead,
    everyEntries: config.AUDIT_CHECKPOINT_EVERY,
    everyMs: config.AUDIT_CHECKPOINT_SECONDS * 1000,
    logger: runtime.logger,
  });
  late.scheduler = scheduler;
  return { appender, scheduler };
}

/** What a verification reads, with a pool of worker threads when AUDIT_VERIFY_WORKERS asks for one. */
export function verificationOf(config: AuditConfig, stores: ChainStores, scheduler: CheckpointScheduler) {
  const pool = config.AUDIT_VERIFY_WORKERS > 0 ? createVerifyPool(config.AUDIT_VERIFY_WORKERS) : undefined;
  return {
    repository: stores.repository,
    checkpoints: stores.checkpoints,
    published: stores.published,
    exclusive: scheduler.exclusive,
    publicKey: stores.keys.publicKey,
    chainId: stores.chainId,
    segmentSize: config.AUDIT_VERIFY_SEGMENT,
    ...(pool ? { pool } : {}),
  };
}
