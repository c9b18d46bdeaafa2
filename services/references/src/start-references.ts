import express from 'express';
import { openapiPath } from '@vetting/contracts';
import {
  createAccessRecorder,
  createHttpApp,
  createReachabilityProbe,
  createServiceRuntime,
  listen,
  OpenApiValidator,
  refuseInProduction,
  requirePersonKeys,
  startConsumer,
  startOutboxRelay,
  type RuntimeOverrides,
  type Stop,
} from '@vetting/platform';
import { stopInReverse } from '@vetting/platform';
import { createCallbackRoutes } from './api/callbacks.router';
import { createChecksRoutes } from './api/checks.router';
import { createDevMailboxRoutes } from './api/dev-mailbox.router';
import { createDirectoryRoutes } from './api/directory.router';
import { createRefereeRoutes, refereeHtmlProblems } from './api/referee.router';
import { referencesUnsafeSettings, type ReferencesConfig } from './config';
import { createCompleteSetHandlers } from './messaging/complete-set-when-check-completed.consumer';
import { createOpenChecksHandlers } from './messaging/open-checks-when-candidate-submitted.consumer';
import { createReferencesContext } from './references-context';

/** Largest referee answer or callback body: the form's fields fit easily; anything larger is refused (413). */
const SMALL_BODY = '16kb';

/**
 * Starts the references HTTP service: the API, the referee portal, the callback receiver, the
 * consumers that open checks and complete sets, and the outbox relay of what this process writes.
 * The workers run apart, with their own relay: src/worker/main.ts.
 */
export async function startReferences(config: ReferencesConfig, overrides: RuntimeOverrides = {}) {
  refuseInProduction(config, referencesUnsafeSettings(config));
  const runtime = await createServiceRuntime(config, overrides);
  requirePersonKeys(runtime);
  let port = config.PORT;
  const ctx = await createReferencesContext(config, runtime.db, () => config.PUBLIC_URL ?? `http://127.0.0.1:${port}`);
  const access = createAccessRecorder(runtime.db, 'references', () => outbox.kick());
  const outbox = startOutboxRelay(runtime, [ctx.checks.revisions, ...ctx.sets.collections, ctx.directory.revisions, access.collection]);
  ctx.onEvents = () => outbox.kick();
  runtime.readiness.redis = () => ctx.producer.ping();
  const consumer = await startConsumer(
    runtime,
    'references',
    ['vetting.candidates', 'vetting.clearances'],
    createOpenChecksHandlers(ctx, runtime.sealer),
  );
  // Its own group on its own topic: a set's completion must not wait behind the opening of new sets.
  const completer = await startConsumer(runtime, 'references-completion', ['vetting.references'], createCompleteSetHandlers(ctx));
  const routes = [
    createChecksRoutes(ctx, access),
    createDirectoryRoutes(ctx, access),
    createCallbackRoutes(ctx),
    createRefereeRoutes(ctx),
    createDevMailboxRoutes(ctx),
  ];
  const app = createHttpApp({
    service: 'references',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('references')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    // The workers call these; /readyz says which cannot be reached and why (a check would wait in retries).
    externals: {
      'national-records': createReachabilityProbe(config.NATIONAL_RECORDS_URL),
      'un-records': createReachabilityProbe(config.UN_RECORDS_URL),
      'employer-hr': createReachabilityProbe(config.EMPLOYER_HR_URL),
    },
    mountRaw: (raw) => {
      // Callbacks are signed over the exact bytes received: keep them.
      raw.use(
        '/callbacks',
        express.json({
          limit: SMALL_BODY,
          verify: (req, _res, buf) => void ((req as unknown as { rawBody: Buffer }).rawBody = Buffer.from(buf)),
        }),
      );
      raw.use(
        '/referee',
        refereeHtmlProblems,
        express.json({ limit: SMALL_BODY }),
        express.urlencoded({ extended: false, limit: SMALL_BODY, parameterLimit: 20 }),
      );
    },
    routes: (router) => routes.forEach((r) => r(router)),
  });
  const http = await listen(app, config.PORT);
  port = http.port;
  runtime.logger.info({ port: http.port }, 'references listening');
  const stops: Stop[] = [
    runtime.close,
    () => ctx.producer.close(),
    () => outbox.stop(),
    () => consumer.stop(),
    () => completer.stop(),
    http.close,
  ];
  return { port: http.port, app, runtime, ctx, stops, stop: () => stopInReverse(stops) };
}
