import { hostname } from 'node:os';
import express from 'express';
import {
  createRateLimiter,
  loadPlatformSigner,
  signingKeysRoute,
  startService,
  type RateLimiter,
  type RuntimeOverrides,
} from '@vetting/platform';
import { createBundleRoutes } from './api/bundle.router';
import { createCheckRoutes } from './api/checks.router';
import { createListRoutes } from './api/lists.router';
import { createReviewRoutes } from './api/reviews.router';
import { keysDirOf, screeningUnsafeSettings, type ScreeningConfig } from './config';
import { openScreeningStores } from './data/screening-stores';
import { loadActiveLists } from './use-cases/load-active-lists.use-case';
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
  const service = await startService('screening', config, overrides, { unsafe: screeningUnsafeSettings(config), personKeys: true });
  const { runtime, access, onEvents } = service;
  const stores = await openScreeningStores(runtime.db, keysDirOf(config));
  const { cipher, repository, subjects, rescreens, bundles } = stores;
  const signing = await loadPlatformSigner(config);
  const thresholds = { upper: config.MATCH_UPPER_THRESHOLD, lower: config.MATCH_LOWER_THRESHOLD };
  const { lists, reload } = await loadActiveLists(repository, runtime.logger, thresholds);
  service.relay([subjects.collection, repository.collection, rescreens.collection, ...bundles.collections]);
  const now = () => new Date();
  const deps = { ...stores, lists, reload, sealer: runtime.sealer, fingerprint: cipher.fingerprint, access, now, onEvents };
  const worker = createRescreenWorker({
    ...deps,
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
  service.stopWith(() => limiter.close());
  // Every instance must see every list publication, so this group is per instance.
  await service.consume(
    `screening-lists-${hostname()}-${process.pid}-${Date.now()}`,
    ['vetting.banlists'],
    createListReloadHandlers(reload, () => void worker.kick()),
  );
  // One job per publication for the whole service: this group is shared.
  await service.consume(
    'screening-rescreen',
    ['vetting.banlists'],
    createRescreenTriggerHandlers({
      ...deps,
      mode: config.RESCREEN_MODE,
      deltaLimit: config.RESCREEN_DELTA_LIMIT,
      kick: () => void worker.kick(),
    }),
  );
  await service.consume('screening', ['vetting.candidates'], createScreenCandidateHandlers({ ...deps, shred: cipher.shred }));
  service.stopWith(() => worker.stop());
  const routes = [
    createListRoutes(deps),
    createReviewRoutes(deps),
    createCheckRoutes({ ...deps, limiter }),
    createBundleRoutes({ ...deps, limiter, signer: signing.signer, validForMs: config.BUNDLE_VALID_HOURS * 3_600_000 }),
    signingKeysRoute(signing.published),
  ];
  const { app, port } = await service.serve({
    // List files are read as raw bytes: importers check the encoding and report lines as sent.
    mountRaw: (raw) => void raw.post('/lists/:listId/versions', express.raw({ type: () => true, limit: config.LIST_UPLOAD_LIMIT })),
    routes,
  });
  void worker.kick(); // resume jobs a crash interrupted
  const { stops, stop } = service;
  return { port, app, runtime, lists, worker, stops, stop };
}
