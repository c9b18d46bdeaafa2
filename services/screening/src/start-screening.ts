import { hostname } from 'node:os';
import express from 'express';
import { openapiPath } from '@vetting/contracts';
import {
  createAccessRecorder,
  createHttpApp,
  createServiceRuntime,
  listen,
  loadPlatformSigner,
  OpenApiValidator,
  refuseInProduction,
  signingKeysRoute,
  startConsumer,
  startOutboxRelay,
  requirePersonKeys,
  type RuntimeOverrides,
  type Stop,
} from '@vetting/platform';
import { stopInReverse } from '@vetting/platform';
import { createBundleRoutes } from './api/bundle.router';
import { createCheckRoutes } from './api/checks.router';
import { createListRoutes } from './api/lists.router';
import { createReviewRoutes } from './api/reviews.router';
import { keysDirOf, screeningUnsafeSettings, type ScreeningConfig } from './config';
import { createScreeningCipher } from './data/screening.cipher';
import { createRateLimiter, type RateLimiter } from '@vetting/platform';
import { createBundleRepository } from './data/bundle.repository';
import { createCheckRepository } from './data/check.repository';
import { createPendingVersionRepository } from './data/pending-version.repository';
import { createListRepository } from './data/list.repository';
import { createRescreenRepository } from './data/rescreen.repository';
import { createResolutionRepository } from './data/resolution.repository';
import { createScreeningRepository } from './data/screening.repository';
import { createSubjectRepository } from './data/subject.repository';
import { ActiveLists } from './domain/active-lists';
import type { RescreenState } from './data/rescreen.repository';
import { createRescreenTriggerHandlers } from './messaging/rescreen-when-list-published.consumer';
import { createListReloadHandlers, createScreenCandidateHandlers } from './messaging/screen-when-candidate-submitted.consumer';
import { createRescreenWorker } from './worker/rescreen.processor';

export interface ScreeningOverrides extends RuntimeOverrides {
  /** Test hook: called after each re-screened subject; throwing simulates a crash mid-batch. */
  afterRescreenSubject?: (job: RescreenState, index: number) => void | Promise<void>;
  /** Tests pass a limiter on a private Redis. */
  limiter?: RateLimiter;
}

export async function startScreening(config: ScreeningConfig, overrides: ScreeningOverrides = {}) {
  refuseInProduction(config, screeningUnsafeSettings(config));
  const runtime = await createServiceRuntime(config, overrides);
  requirePersonKeys(runtime);
  const cipher = createScreeningCipher(runtime.db, keysDirOf(config));
  const repository = createListRepository(runtime.db);
  const proposals = createPendingVersionRepository(runtime.db);
  const screenings = createScreeningRepository(runtime.db, cipher);
  const subjects = createSubjectRepository(runtime.db, cipher);
  const resolutions = createResolutionRepository(runtime.db, cipher);
  const rescreens = createRescreenRepository(runtime.db);
  const checks = createCheckRepository(runtime.db);
  const bundles = createBundleRepository(runtime.db);
  const signing = await loadPlatformSigner(config);
  await Promise.all([
    repository.ensureIndexes(),
    screenings.ensureIndexes(),
    subjects.ensureIndexes(),
    rescreens.ensureIndexes(),
    checks.ensureIndexes(),
    bundles.ensureIndexes(),
    resolutions.ensureIndexes(),
    cipher.ensureIndexes(),
    proposals.ensureIndexes(),
  ]);
  const thresholds =
    config.MATCH_UPPER_THRESHOLD !== undefined && config.MATCH_LOWER_THRESHOLD !== undefined
      ? { upper: config.MATCH_UPPER_THRESHOLD, lower: config.MATCH_LOWER_THRESHOLD }
      : undefined;
  const lists = new ActiveLists(thresholds);
  const reload = async (listId: string) => {
    const current = await repository.current(listId);
    if (!current || (lists.versionOf(listId)?.version ?? 0) >= current.activeVersion) return;
    const ref = { listId, version: current.activeVersion, contentHash: current.contentHash };
    lists.replace(ref, await repository.entriesOf(ref));
    runtime.logger.info({ listId, version: ref.version }, 'list version loaded');
  };
  for (const ref of await repository.activeLists()) await reload(ref.listId);

  let kick = () => undefined as void;
  const access = createAccessRecorder(runtime.db, 'screening', () => kick());
  const outbox = startOutboxRelay(runtime, [
    subjects.collection,
    repository.collection,
    rescreens.collection,
    access.collection,
    ...bundles.collections,
  ]);
  kick = () => outbox.kick();
  const now = () => new Date();
  const screeningDeps = {
    lists,
    subjects,
    screenings,
    resolutions,
    sealer: runtime.sealer,
    fingerprint: cipher.fingerprint,
    now,
    onEvents: kick,
  };
  const worker = createRescreenWorker({
    ...screeningDeps,
    rescreens,
    repository,
    reload,
    logger: runtime.logger,
    batchSize: config.RESCREEN_BATCH_SIZE,
    ...(overrides.afterRescreenSubject ? { afterSubject: overrides.afterRescreenSubject } : {}),
  });
  const limiter =
    overrides.limiter ??
    createRateLimiter({
      redisUrl: config.REDIS_URL,
      keyPrefix: config.CHECK_RATE_KEY_PREFIX,
      capacity: config.CHECK_RATE_CAPACITY,
      perMinute: config.CHECK_RATE_PER_MINUTE,
      unavailableCode: 'CHECK.RATE_LIMIT_UNAVAILABLE',
    });
  // Every instance must see every list publication, so this group is per instance.
  const listConsumer = await startConsumer(
    runtime,
    `screening-lists-${hostname()}-${process.pid}-${Date.now()}`,
    ['vetting.banlists'],
    createListReloadHandlers(reload, () => void worker.kick()),
  );
  // One job per publication for the whole service: this group is shared.
  const rescreenConsumer = await startConsumer(
    runtime,
    'screening-rescreen',
    ['vetting.banlists'],
    createRescreenTriggerHandlers({
      repository,
      rescreens,
      subjects,
      now,
      mode: config.RESCREEN_MODE,
      deltaLimit: config.RESCREEN_DELTA_LIMIT,
      kick: () => void worker.kick(),
    }),
  );
  const consumer = await startConsumer(
    runtime,
    'screening',
    ['vetting.candidates'],
    createScreenCandidateHandlers({ ...screeningDeps, shred: cipher.shred }),
  );
  const publishDeps = { repository, lists, now, onEvents: kick, proposals };
  const routes = [
    createListRoutes({ ...publishDeps, access }),
    createReviewRoutes({ ...screeningDeps, repository, access, rescreens }),
    createCheckRoutes({ lists, checks, limiter, access, now }),
    createBundleRoutes({
      lists,
      repository,
      bundles,
      limiter,
      access,
      signer: signing.signer,
      validForMs: config.BUNDLE_VALID_HOURS * 3_600_000,
      now,
      onEvents: kick,
    }),
    signingKeysRoute(signing.published),
  ];
  const app = createHttpApp({
    service: 'screening',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('screening')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    // List files are read as raw bytes: importers check the encoding and report lines as sent.
    mountRaw: (raw) => void raw.post('/lists/:listId/versions', express.raw({ type: () => true, limit: config.LIST_UPLOAD_LIMIT })),
    routes: (router) => routes.forEach((r) => r(router)),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'screening listening');
  void worker.kick(); // resume jobs a crash interrupted
  const stops: Stop[] = [
    runtime.close,
    () => outbox.stop(),
    () => limiter.close(),
    () => listConsumer.stop(),
    () => rescreenConsumer.stop(),
    () => consumer.stop(),
    () => worker.stop(),
    http.close,
  ];
  return { port: http.port, app, runtime, lists, worker, stops, stop: () => stopInReverse(stops) };
}
