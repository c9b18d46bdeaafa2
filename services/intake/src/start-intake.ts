import { fileURLToPath } from 'node:url';
import { openapiPath } from '@vetting/contracts';
import {
  createAccessRecorder,
  createHttpApp,
  createServiceRuntime,
  listen,
  OpenApiValidator,
  startConsumer,
  startOutboxRelay,
  type RuntimeOverrides,
  type Stop,
} from '@vetting/platform';
import { createCandidateRoutes } from './api/candidate.router';
import type { IntakeConfig } from './config';
import { createCandidateRepository } from './data/candidate.repository';
import { createTrackStatusHandlers } from './messaging/track-status.consumer';

export const serviceDir = fileURLToPath(new URL('..', import.meta.url));

/** Starts every part of the intake service; returns its port and the stops in start order. */
export async function startIntake(config: IntakeConfig, overrides: RuntimeOverrides = {}) {
  const runtime = await createServiceRuntime(config, overrides);
  const repository = createCandidateRepository(runtime.db);
  await repository.ensureIndexes();
  const relay = { kick: () => undefined } as { kick: () => void };
  const access = createAccessRecorder(runtime.db, 'intake', () => relay.kick());
  const outbox = startOutboxRelay(runtime, [repository.collection, access.collection]);
  relay.kick = () => outbox.kick();
  const consumer = await startConsumer(runtime, 'intake', ['vetting.screenings', 'vetting.references', 'vetting.clearances'], createTrackStatusHandlers(repository));
  const app = createHttpApp({
    service: 'intake',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('intake')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    routes: createCandidateRoutes({ repository, access, now: () => new Date(), onEvents: () => outbox.kick() }),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'intake listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), () => consumer.stop(), http.close];
  return { port: http.port, app, runtime, consumer, stops, stop: async () => { for (const s of [...stops].reverse()) await s(); } };
}
