import { openapiPath } from '@vetting/contracts';
import { createAccessRecorder, createHttpApp, createServiceRuntime, listen, OpenApiValidator, startConsumer, startOutboxRelay, type RuntimeOverrides, type Stop } from '@vetting/platform';
import { createDecisionRoutes } from './api/decision.router';
import type { ClearanceConfig } from './config';
import { createClearanceCaseRepository } from './data/clearance-case.repository';
import { DEFAULT_POLICY } from './domain/clearance-policy';
import { createDecideHandlers } from './messaging/decide-when-inputs-arrive.consumer';

export async function startClearance(config: ClearanceConfig, overrides: RuntimeOverrides = {}) {
  const runtime = await createServiceRuntime(config, overrides);
  const repository = createClearanceCaseRepository(runtime.db);
  await repository.ensureIndexes();
  let kick = () => undefined as void;
  const access = createAccessRecorder(runtime.db, 'clearance', () => kick());
  const outbox = startOutboxRelay(runtime, [repository.collection, access.collection]);
  kick = () => outbox.kick();
  const consumer = await startConsumer(runtime, 'clearance', ['vetting.screenings', 'vetting.references'], createDecideHandlers({ repository, policy: DEFAULT_POLICY, now: () => new Date(), onEvents: kick }));
  const app = createHttpApp({
    service: 'clearance',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('clearance')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    routes: createDecisionRoutes({ repository, access }),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'clearance listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), () => consumer.stop(), http.close];
  return { port: http.port, app, runtime, stops, stop: async () => { for (const s of [...stops].reverse()) await s(); } };
}
