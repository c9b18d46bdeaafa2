import { eventTopics } from '@vetting/contracts';
import { startService, type RuntimeOverrides } from '@vetting/platform';
import { createAuditRoutes } from './api/audit.router';
import { openChainStores, startChainWriters, verificationOf } from './audit-chain';
import { auditKeyDirOf, type AuditConfig } from './config';
import { startAppendConsumer } from './messaging/append-every-event.consumer';

/** Starts the audit service: the batch consumer feeding the chain, the checkpoint scheduler, the HTTP API. */
export async function startAudit(config: AuditConfig, overrides: RuntimeOverrides = {}) {
  // Checked before anything starts: the signing key must not sit beside the checkpoints it signs.
  const keyDir = auditKeyDirOf(config);
  const service = await startService('audit', config, overrides);
  const { runtime, access } = service;
  const stores = await openChainStores(config, keyDir, runtime);
  const { chainId, repository, checkpoints, published, keys } = stores;
  const { appender, scheduler } = await startChainWriters(config, stores, runtime);
  const verify = verificationOf(config, stores, scheduler);
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
    async () => verify.pool?.close(),
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
  return { port, app, runtime, repository, appender, checkpoints, published, keys, chainId, scheduler, consumer, verify, stops, stop };
}
