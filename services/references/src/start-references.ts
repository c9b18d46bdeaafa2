import { openapiPath } from '@vetting/contracts';
import { createAccessRecorder, createHttpApp, createServiceRuntime, listen, OpenApiValidator, startConsumer, startOutboxRelay, type RuntimeOverrides, type Stop } from '@vetting/platform';
import { createChecksRoutes } from './api/checks.router';
import type { ReferencesConfig } from './config';
import { createReferenceSetRepository } from './data/reference-set.repository';
import { DEFAULT_CHECK_POLICY } from './domain/check-policy';
import { createOpenChecksHandlers } from './messaging/open-checks-when-candidate-submitted.consumer';

export async function startReferences(config: ReferencesConfig, overrides: RuntimeOverrides = {}) {
  const runtime = await createServiceRuntime(config, overrides);
  const repository = createReferenceSetRepository(runtime.db);
  await repository.ensureIndexes();
  let kick = () => undefined as void;
  const access = createAccessRecorder(runtime.db, 'references', () => kick());
  const outbox = startOutboxRelay(runtime, [repository.collection, access.collection]);
  kick = () => outbox.kick();
  const consumer = await startConsumer(runtime, 'references', ['vetting.candidates'], createOpenChecksHandlers({ repository, policy: DEFAULT_CHECK_POLICY, now: () => new Date(), onEvents: kick }));
  const app = createHttpApp({
    service: 'references',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('references')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    routes: createChecksRoutes({ repository, access }),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'references listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), () => consumer.stop(), http.close];
  return { port: http.port, app, runtime, stops, stop: async () => { for (const s of [...stops].reverse()) await s(); } };
}
