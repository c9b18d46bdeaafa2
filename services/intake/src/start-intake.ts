import { fileURLToPath } from 'node:url';
import { openapiPath } from '@vetting/contracts';
import { createPersonalSealer, loadPlatformSigner, signingKeysRoute, startService, type RuntimeOverrides } from '@vetting/platform';
import { createCandidateRoutes } from './api/candidate.router';
import { createPersonKeyRoutes } from './api/person-keys.router';
import { createFormRoutes } from './api/forms.router';
import { createCertificateRoutes } from './api/certificate.router';
import { createPrivacyRoutes } from './api/privacy.router';
import { createRotationRoutes } from './api/rotation.router';
import { createSubmissionValidator } from './api/submission.validator';
import { createUploadRoutes, keepUploadBodyStreamed } from './api/upload.router';
import { intakeUnsafeSettings, keysDirOf, type IntakeConfig } from './config';
import { openIntakeStores } from './data/intake-stores';
import { formList } from './domain/forms';
import { createFollowPolicyHandlers } from './messaging/follow-policy.consumer';
import { createTrackStatusHandlers } from './messaging/track-status.consumer';
import { createRevetWhenDueHandlers } from './messaging/revet-when-due.consumer';
import { createUploadRunner } from './use-cases/upload-runner';
import { retentionJob } from './jobs/retention.job';

export const serviceDir = fileURLToPath(new URL('..', import.meta.url));

/** Starts every part of the intake service; returns its port and the stops in start order. */
export async function startIntake(config: IntakeConfig, overrides: RuntimeOverrides = {}) {
  const service = await startService('intake', config, overrides, { unsafe: intakeUnsafeSettings(config) });
  const { runtime, access, onEvents } = service;
  const signing = await loadPlatformSigner(config);
  const stores = await openIntakeStores(runtime.db, keysDirOf(config));
  const { cipher, repository, uploads, certificates, policies } = stores;
  const outbox = service.relay([repository.collection, certificates.collection], { batchSize: config.OUTBOX_BATCH_SIZE });
  // Uploads publish their events themselves; this relay drains outbox documents an older version
  // left (250 events to a document; two documents per pass keep a Kafka batch small).
  service.relay([uploads.outbox], { batchSize: 2 });
  const now = () => new Date();
  // Intake is the key authority: it seals its events with people's keys from its own cipher.
  const sealer = createPersonalSealer({ keys: cipher.personKeys, validator: runtime.validator });
  const forms = {
    consent: formList(config.CONSENT_FORMS),
    selfDeclaration: formList(config.DECLARATION_FORMS),
    employmentDeclaration: formList(config.EMPLOYMENT_DECLARATION_FORMS),
  };
  const deps = { ...stores, access, blind: cipher.blind, sealer, signer: signing.signer, now, onEvents, forms };
  const consumer = await service.consume('intake', ['vetting.screenings', 'vetting.references', 'vetting.clearances'], {
    ...createTrackStatusHandlers(repository),
    ...createFollowPolicyHandlers(policies),
    ...createRevetWhenDueHandlers(deps),
  });
  const publish = (events: Parameters<typeof runtime.publisher.publish>[0]) => runtime.publisher.publish(events);
  const runner = createUploadRunner({ ...deps, publish, logger: runtime.logger });
  service.stopWith(() => runner.stop());
  await runner.resume();
  const retention = service.every(
    retentionJob(
      {
        notClearedDays: config.RETENTION_NOT_CLEARED_DAYS,
        withdrawnDays: config.RETENTION_WITHDRAWN_DAYS,
        clearedDaysAfterValidity: config.RETENTION_CLEARED_DAYS_AFTER_VALIDITY,
        undecidedDays: config.RETENTION_UNDECIDED_DAYS,
      },
      config.RETENTION_INTERVAL_MS,
      { ...deps, logger: runtime.logger },
    ),
  );
  const uploadDeps = { ...deps, validate: createSubmissionValidator(openapiPath('intake'), forms), maxBytes: config.UPLOAD_MAX_BYTES };
  const { app, port } = await service.serve({
    mountRaw: keepUploadBodyStreamed,
    routes: [
      createCandidateRoutes(deps),
      createUploadRoutes({ ...uploadDeps, startStoring: (id) => runner.start(id) }),
      createRotationRoutes(deps),
      createCertificateRoutes(deps),
      createPrivacyRoutes(deps),
      createFormRoutes(forms),
      signingKeysRoute(signing.published),
      createPersonKeyRoutes({ cipher, clients: config.PERSON_KEY_CLIENTS }),
    ],
  });
  const { stops, stop } = service;
  const personKeys = cipher.lookupSource;
  return { port, app, runtime, sealer, personKeys, consumer, runner, outbox, retention, stops, stop };
}
