import { hostname } from 'node:os';
import { toMatchEntry } from '@vetting/banlists';
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
import { createScreeningRoutes } from './api/screening.router';
import type { ScreeningConfig } from './config';
import { createListRepository } from './data/list.repository';
import { createScreeningRepository } from './data/screening.repository';
import { ActiveLists } from './domain/active-lists';
import { createListReloadHandlers, createScreenCandidateHandlers } from './messaging/screen-when-candidate-submitted.consumer';

export async function startScreening(config: ScreeningConfig, overrides: RuntimeOverrides = {}) {
  const runtime = await createServiceRuntime(config, overrides);
  const repository = createListRepository(runtime.db);
  const screenings = createScreeningRepository(runtime.db);
  await Promise.all([repository.ensureIndexes(), screenings.ensureIndexes()]);
  const thresholds =
    config.MATCH_UPPER_THRESHOLD !== undefined && config.MATCH_LOWER_THRESHOLD !== undefined
      ? { upper: config.MATCH_UPPER_THRESHOLD, lower: config.MATCH_LOWER_THRESHOLD }
      : undefined;
  const lists = new ActiveLists(thresholds);
  const reload = async (listId: string) => {
    const current = await repository.current(listId);
    if (!current || lists.versionOf(listId)?.version === current.activeVersion) return;
    const ref = { listId, version: current.activeVersion, contentHash: current.contentHash };
    lists.replace(ref, (await repository.entriesOf(ref)).map(toMatchEntry));
    runtime.logger.info({ listId, version: ref.version }, 'list version loaded');
  };
  for (const ref of await repository.activeLists()) await reload(ref.listId);

  let kick = () => undefined as void;
  const access = createAccessRecorder(runtime.db, 'screening', () => kick());
  const outbox = startOutboxRelay(runtime, [screenings.collection, repository.collection, access.collection]);
  kick = () => outbox.kick();
  const now = () => new Date();
  // Every instance must see every list publication, so this group is per instance.
  const listConsumer = await startConsumer(runtime, `screening-lists-${hostname()}-${process.pid}-${Date.now()}`, ['vetting.banlists'], createListReloadHandlers(reload));
  const consumer = await startConsumer(runtime, 'screening', ['vetting.candidates'], createScreenCandidateHandlers({ lists, screenings, now, onEvents: kick }));
  const app = createHttpApp({
    service: 'screening',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('screening')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    bodyLimit: '50mb',
    routes: createScreeningRoutes({ repository, screenings, access, lists, now, onEvents: kick }),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'screening listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), () => listConsumer.stop(), () => consumer.stop(), http.close];
  return { port: http.port, app, runtime, lists, stops, stop: async () => { for (const s of [...stops].reverse()) await s(); } };
}
