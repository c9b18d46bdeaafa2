import { openapiPath } from '@vetting/contracts';
import {
  createAccessRecorder,
  createHttpApp,
  createServiceRuntime,
  refuseInProduction,
  listen,
  OpenApiValidator,
  requirePersonKeys,
  startConsumer,
  startOutboxRelay,
  startPeriodicTask,
  type EventHandler,
  type RuntimeOverrides,
  type Stop,
} from '@vetting/platform';
import { stopInReverse } from '@vetting/platform';
import { createAdjudicationRoutes } from './api/adjudication.router';
import { createCandidateNoticeRoutes, keepAttachmentBodyStreamed } from './api/candidate-notice.router';
import { createCaseRoutes } from './api/case.router';
import { createPolicyRoutes } from './api/policy.router';
import { clearanceUnsafeSettings, keysDirOf, type ClearanceConfig } from './config';
import { createAttachmentRepository } from './data/attachment.repository';
import { createCaseDataCipher } from './data/case-data.cipher';
import { createClearanceCaseRepository } from './data/clearance-case.repository';
import { createPolicyRepository } from './data/policy.repository';
import { CLEARANCE_TOPICS, createDecideHandlers } from './messaging/decide-when-inputs-arrive.consumer';
import { createForgetHandlers } from './messaging/forget-when-candidate-erased.consumer';
import { endRevettingWhenErased } from './messaging/end-revetting-when-candidate-erased.consumer';
import { openDueRevettings } from './use-cases/open-due-revettings.use-case';
import { expireDueClearances } from './use-cases/expire-clearances.use-case';
import { startExpiryTimer } from './worker/expiry.timer';

export interface ClearanceOptions {
  /** The clock for decisions, validity and expiry. Default: the system clock. */
  now?: () => Date;
}

/** Starts every part of the clearance service; returns its port, the expiry timer and the stops in start order. */
export async function startClearance(config: ClearanceConfig, overrides: RuntimeOverrides = {}, options: ClearanceOptions = {}) {
  const now = options.now ?? (() => new Date());
  refuseInProduction(config, clearanceUnsafeSettings(config));
  const runtime = await createServiceRuntime(config, overrides);
  const repository = createClearanceCaseRepository(runtime.db, { keys: requirePersonKeys(runtime), sealer: runtime.sealer });
  const policies = createPolicyRepository(runtime.db);
  const cipher = createCaseDataCipher(runtime.db, keysDirOf(config));
  const attachments = createAttachmentRepository(runtime.db);
  await Promise.all([repository.ensureIndexes(), policies.ensureIndexes(), cipher.ensureIndexes(), attachments.ensureIndexes()]);
  await policies.seed();
  const relay = { kick: () => undefined as void };
  const access = createAccessRecorder(runtime.db, 'clearance', () => relay.kick());
  const outbox = startOutboxRelay(runtime, [repository.collection, policies.collection, access.collection]);
  relay.kick = () => outbox.kick();
  const deps = { repository, policies, access, cipher, attachments, sealer: runtime.sealer, now, onEvents: () => outbox.kick() };
  const forget = createForgetHandlers(cipher);
  const endRevetting = endRevettingWhenErased(deps);
  const erased: EventHandler = async (event, ctx) => {
    await forget['candidate.erased']!(event, ctx);
    await endRevetting(event, ctx);
  };
  const consumer = await startConsumer(runtime, 'clearance', CLEARANCE_TOPICS, {
    ...createDecideHandlers(deps),
    ...forget,
    'candidate.erased': erased,
  });
  const expiry = startExpiryTimer(() => expireDueClearances(deps, config.EXPIRY_BATCH_SIZE), config.EXPIRY_INTERVAL_MS, runtime.logger);
  // Every replica runs the pass; each clearance is re-opened once (open-due-revettings.use-case.ts).
  const revetting = startPeriodicTask('revetting-due', config.REVETTING_INTERVAL_MS, runtime.logger, () =>
    openDueRevettings(deps, config.EXPIRY_BATCH_SIZE),
  );
  const app = createHttpApp({
    service: 'clearance',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('clearance')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    mountRaw: keepAttachmentBodyStreamed,
    routes: (router) => {
      createPolicyRoutes(deps)(router);
      createAdjudicationRoutes(deps)(router);
      createCandidateNoticeRoutes({ ...deps, maxAttachmentBytes: config.ATTACHMENT_MAX_BYTES })(router);
      createCaseRoutes(deps)(router);
    },
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'clearance listening');
  const stops: Stop[] = [
    runtime.close,
    () => outbox.stop(),
    () => consumer.stop(),
    () => expiry.stop(),
    () => revetting.stop(),
    http.close,
  ];
  return {
    port: http.port,
    app,
    runtime,
    consumer,
    expiry,
    revetting,
    repository,
    policies,
    cipher,
    attachments,
    stops,
    stop: () => stopInReverse(stops),
  };
}
