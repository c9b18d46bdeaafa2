import { AUDIT_CHECKPOINT_TOPIC, eventTopics } from '@vetting/contracts';
import { join } from 'node:path';
import { loadOrCreateSecretKey, startService, type RuntimeOverrides } from '@vetting/platform';
import { createAuditRoutes } from './api/audit.router';
import { auditKeyDirOf, type AuditConfig } from './config';
import { createAuditEntryRepository } from './data/audit-entry.repository';
import { createChainAppender } from './data/chain-appender';
import { createCheckpointStore, loadOrCreateSigningKeys, moveSigningKeyOutOf } from './data/checkpoint.store';
import { createVerifyPool } from './data/verify-pool';
import { startPublishedCheckpoints } from './data/published-checkpoints';
import { startAppendConsumer } from './messaging/append-every-event.consumer';
import { startCheckpointScheduler, type CheckpointScheduler } from './jobs/checkpoint.job';

/** Starts the audit service: the batch consumer feeding the chain, the checkpoint scheduler, the HTTP API. */
export async function startAudit(config: AuditConfig, overrides: RuntimeOverrides = {}) {
  // Checked before anything starts: the signing key must not sit beside the checkpoints it signs.
  const keyDir = auditKeyDirOf(config);
  const service = await startService('audit', config, overrides);
  const { runtime, access } = service;
  const chainId = config.AUDIT_CHAIN_ID ?? config.MONGO_DB;
  const repository = createAuditEntryRepository(runtime.db);
  await repository.ensureIndexes();
  if (await moveSigningKeyOutOf(config.AUDIT_CHECKPOINT_DIR, keyDir))
    runtime.logger.warn({ keyDir }, 'the checkpoint signing key was moved out of the checkpoint directory');
  const keys = await loadOrCreateSigningKeys(keyDir);
  const digestKey = loadOrCreateSecretKey(join(keyDir, 'audit-digest.key'));
  const checkpoints = createCheckpointStore(config.AUDIT_CHECKPOINT_DIR, chainId);
  // The checkpoint history where the database's owner cannot rewrite it (its own topic, written by audit only).
  const published = await startPublishedCheckpoints({
    kafka: runtime.kafka,
    publisher: runtime.publisher,
    topic: `${config.TOPIC_PREFIX}${AUDIT_CHECKPOINT_TOPIC}`,
    groupPrefix: `${config.TOPIC_PREFIX}audit-checkpoints`,
    logger: runtime.logger,
  });
  // The appender and the checkpointer know each other: the first counts entries for the second,
  // the second tells the first the lowest head the chain may have.
  const late: { scheduler?: CheckpointScheduler } = {};
  const appender = createChainAppender(repository, runtime.logger, {
    digestKey,
    maxBatch: config.AUDIT_APPEND_BATCH,
    dedupWindow: config.AUDIT_DEDUP_WINDOW,
    minHead: () => late.scheduler?.latest()?.seq ?? 0,
    onAppended: (head) => late.scheduler?.onAppended(head),
  });
  const scheduler = await startCheckpointScheduler({
    chainId,
    repository,
    store: checkpoints,
    published,
    keys,
    ownHead: appender.currentHead,
    everyEntries: config.AUDIT_CHECKPOINT_EVERY,
    everyMs: config.AUDIT_CHECKPOINT_SECONDS * 1000,
    logger: runtime.logger,
  });
  late.scheduler = scheduler;
  const pool = config.AUDIT_VERIFY_WORKERS > 0 ? createVerifyPool(config.AUDIT_VERIFY_WORKERS) : undefined;
  const verify = {
    repository,
    checkpoints,
    published,
    exclusive: scheduler.exclusive,
    publicKey: keys.publicKey,
    chainId,
    segmentSize: config.AUDIT_VERIFY_SEGMENT,
    ...(pool ? { pool } : {}),
  };
  // Stopped in reverse: HTTP, consumer, then drain the appender and sign the final head, outbox, database.
  service.stopWith(() => published.stop());
  service.relay([]);
  service.stopWith(scheduler.stop, appender.idle);
  const consumer = await startAppendConsumer(
    runtime,
    appender,
    eventTopics().map((t) => t.name),
  );
  service.stopWith(
    () => consumer.stop(),
    async () => pool?.close(),
  );
  const { app, port } = await service.serve(
    {
      routes: [
        createAuditRoutes({
          repository,
          access,
          ...(runtime.personKeys ? { sealer: runtime.sealer } : {}),
          verify,
          exports: { repository, checkpoints, published, checkpointNow: scheduler.checkpointNow, keys, chainId, now: () => new Date() },
        }),
      ],
    },
    { chainId, checkpoints: checkpoints.file },
  );
  const { stops, stop } = service;
  return {
    port,
    app,
    runtime,
    repository,
    appender,
    checkpoints,
    published,
    keys,
    chainId,
    scheduler,
    consumer,
    verify,
    stops,
    stop,
  };
}
