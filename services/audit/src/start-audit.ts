import { loadTopics, openapiPath } from '@vetting/contracts';
import { createAccessRecorder, createHttpApp, createServiceRuntime, listen, OpenApiValidator, startConsumer, startOutboxRelay, type RuntimeOverrides, type Stop } from '@vetting/platform';
import { createAuditRoutes } from './api/audit.router';
import type { AuditConfig } from './config';
import { createAuditEntryRepository } from './data/audit-entry.repository';
import { createChainAppender } from './data/chain-appender';
import { createAppendHandlers } from './messaging/append-every-event.consumer';

export async function startAudit(config: AuditConfig, overrides: RuntimeOverrides = {}) {
  const runtime = await createServiceRuntime(config, overrides);
  const repository = createAuditEntryRepository(runtime.db);
  await repository.ensureIndexes();
  const appender = createChainAppender(repository, runtime.logger);
  let kick = () => undefined as void;
  const access = createAccessRecorder(runtime.db, 'audit', () => kick());
  const outbox = startOutboxRelay(runtime, [access.collection]);
  kick = () => outbox.kick();
  const topics = loadTopics().topics.map((t) => t.name);
  const consumer = await startConsumer(runtime, 'audit', topics, createAppendHandlers(appender));
  const app = createHttpApp({
    service: 'audit',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('audit')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    routes: createAuditRoutes({ repository, access }),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'audit listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), () => consumer.stop(), http.close];
  return { port: http.port, app, runtime, repository, stops, stop: async () => { for (const s of [...stops].reverse()) await s(); } };
}
