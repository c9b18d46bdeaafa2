import express from 'express';
import { createReachabilityProbe, startService, type RuntimeOverrides } from '@vetting/platform';
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
  const service = await startService('references', config, overrides, { unsafe: referencesUnsafeSettings(config), personKeys: true });
  const { runtime, access } = service;
  let port = config.PORT;
  const ctx = await createReferencesContext(config, runtime.db, () => config.PUBLIC_URL ?? `http://127.0.0.1:${port}`);
  service.stopWith(() => ctx.producer.close());
  service.relay([ctx.checks.revisions, ...ctx.sets.collections, ctx.directory.revisions]);
  ctx.onEvents = service.onEvents;
  await service.consume('references', ['vetting.candidates', 'vetting.clearances'], createOpenChecksHandlers(ctx, runtime.sealer));
  // Its own group on its own topic: a set's completion must not wait behind the opening of new sets.
  await service.consume('references-completion', ['vetting.references'], createCompleteSetHandlers(ctx));
  const served = await service.serve({
    readiness: { redis: () => ctx.producer.ping() },
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
    routes: [
      createChecksRoutes(ctx, access),
      createDirectoryRoutes(ctx, access),
      createCallbackRoutes(ctx),
      createRefereeRoutes(ctx),
      createDevMailboxRoutes(ctx),
    ],
  });
  port = served.port;
  const { stops, stop } = service;
  return { port, app: served.app, runtime, ctx, stops, stop };
}
