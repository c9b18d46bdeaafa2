import { ensureIndexes, requirePersonKeys, startService, type EventHandler, type RuntimeOverrides } from '@vetting/platform';
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
import { expiryJob } from './jobs/expiry.job';

export interface ClearanceOptions {
  /** The clock for decisions, validity and expiry. Default: the system clock. */
  now?: () => Date;
}

/** Starts every part of the clearance service; returns its port, the expiry job and the stops in start order. */
export async function startClearance(config: ClearanceConfig, overrides: RuntimeOverrides = {}, options: ClearanceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const service = await startService('clearance', config, overrides, { unsafe: clearanceUnsafeSettings(config) });
  const { runtime, access, onEvents } = service;
  const repository = createClearanceCaseRepository(runtime.db, { keys: requirePersonKeys(runtime), sealer: runtime.sealer });
  const policies = createPolicyRepository(runtime.db);
  const cipher = createCaseDataCipher(runtime.db, keysDirOf(config));
  const attachments = createAttachmentRepository(runtime.db);
  await ensureIndexes(repository, policies, cipher, attachments);
  await policies.seed();
  service.relay([repository.collection, policies.collection]);
  const deps = { repository, policies, access, cipher, attachments, sealer: runtime.sealer, now, onEvents };
  const forget = createForgetHandlers(cipher);
  const endRevetting = endRevettingWhenErased(deps);
  const erased: EventHandler = async (event, ctx) => {
    await forget['candidate.erased']!(event, ctx);
    await endRevetting(event, ctx);
  };
  const consumer = await service.consume(
    'clearance',
    CLEARANCE_TOPICS,
    { ...createDecideHandlers(deps), ...forget, 'candidate.erased': erased },
    // Partitions may have moved: cases another member changed meanwhile are read again (checkChangesNothing).
    { onJoin: () => repository.forgetRemembered() },
  );
  const expiry = service.every(expiryJob(deps, config.EXPIRY_BATCH_SIZE, config.EXPIRY_INTERVAL_MS));
  // Every replica runs the pass; each clearance is re-opened once (open-due-revettings.use-case.ts).
  const revetting = service.every({
    name: 'revetting-due',
    intervalMs: config.REVETTING_INTERVAL_MS,
    run: () => openDueRevettings(deps, config.EXPIRY_BATCH_SIZE),
  });
  const { app, port } = await service.serve({
    mountRaw: keepAttachmentBodyStreamed,
    routes: [
      createPolicyRoutes(deps),
      createAdjudicationRoutes(deps),
      createCandidateNoticeRoutes({ ...deps, maxAttachmentBytes: config.ATTACHMENT_MAX_BYTES }),
      createCaseRoutes(deps),
    ],
  });
  const { stops, stop } = service;
  return { port, app, runtime, consumer, expiry, revetting, repository, policies, cipher, attachments, stops, stop };
}
