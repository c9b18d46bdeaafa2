import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import { openapiPath } from '@vetting/contracts';
import { createPolicyFollower } from '@vetting/policy';
import {
  createAccessRecorder,
  createHttpApp,
  createPersonalSealer,
  createOutboxRelay,
  createServiceRuntime,
  listen,
  loadPlatformSigner,
  OpenApiValidator,
  signingKeysRoute,
  startConsumer,
  type RuntimeOverrides,
  type Stop,
} from '@vetting/platform';
import { refuseInProduction, stopInReverse } from '@vetting/platform';
import { createCandidateRoutes } from './api/candidate.router';
import { createPersonKeyRoutes } from './api/person-keys.router';
import { createFormRoutes } from './api/forms.router';
import { createCertificateRoutes } from './api/certificate.router';
import { createPrivacyRoutes } from './api/privacy.router';
import { createRotationRoutes } from './api/rotation.router';
import { createSubmissionValidator } from './api/submission.validator';
import { createUploadRoutes, keepUploadBodyStreamed } from './api/upload.router';
import { intakeUnsafeSettings, keysDirOf, type IntakeConfig } from './config';
import { createCandidateRepository } from './data/candidate.repository';
import { createCertificateRepository } from './data/certificate.repository';
import { formList } from './domain/forms';
import { createKeyRepository } from './data/key.repository';
import { createPersonalCipher } from './data/personal-data.cipher';
import { createUploadRepository } from './data/upload.repository';
import { createFollowPolicyHandlers } from './messaging/follow-policy.consumer';
import { createTrackStatusHandlers } from './messaging/track-status.consumer';
import { createRevetWhenDueHandlers } from './messaging/revet-when-due.consumer';
import { createUploadRunner } from './use-cases/upload-runner';
import { startRetentionJob } from './worker/retention.job';

export const serviceDir = fileURLToPath(new URL('..', import.meta.url));

/** Starts every part of the intake service; returns its port and the stops in start order. */
export async function startIntake(config: IntakeConfig, overrides: RuntimeOverrides = {}) {
  refuseInProduction(config, intakeUnsafeSettings(config));
  const runtime = await createServiceRuntime(config, overrides);
  const signing = await loadPlatformSigner(config);
  const cipher = createPersonalCipher(runtime.db, keysDirOf(config));
  const repository = createCandidateRepository(runtime.db, cipher);
  const keys = createKeyRepository(runtime.db);
  const uploads = createUploadRepository(runtime.db, cipher);
  const certificates = createCertificateRepository(runtime.db);
  const policies = createPolicyFollower(runtime.db);
  await Promise.all([
    repository.ensureIndexes(),
    keys.ensureIndexes(),
    uploads.ensureIndexes(),
    certificates.ensureIndexes(),
    cipher.ensureIndexes(),
    policies.ensureIndexes(),
  ]);
  const relay = { kick: () => undefined } as { kick: () => void };
  const access = createAccessRecorder(runtime.db, 'intake', () => relay.kick());
  const outbox = createOutboxRelay({
    collections: [repository.collection, access.collection, certificates.collection],
    publisher: runtime.publisher,
    logger: runtime.logger,
    metrics: runtime.metrics,
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
  });
  // Uploads publish their events themselves now; this relay drains outbox documents an older
  // version left (250 events to a document; two documents per pass keep a Kafka batch small).
  const uploadOutbox = createOutboxRelay({
    collections: [uploads.outbox],
    publisher: runtime.publisher,
    logger: runtime.logger,
    metrics: runtime.metrics,
    pollMs: config.OUTBOX_POLL_MS,
    batchSize: 2,
  });
  outbox.start();
  uploadOutbox.start();
  relay.kick = () => {
    outbox.kick();
    uploadOutbox.kick();
  };
  const now = () => new Date();
  const onEvents = () => relay.kick();
  const blind = cipher.blind;
  // Intake is the key authority: it seals its events with people's keys from its own cipher.
  const sealer = createPersonalSealer({ keys: cipher.personKeys, validator: runtime.validator });
  const consumer = await startConsumer(runtime, 'intake', ['vetting.screenings', 'vetting.references', 'vetting.clearances'], {
    ...createTrackStatusHandlers(repository),
    ...createFollowPolicyHandlers(policies),
    ...createRevetWhenDueHandlers({ repository, sealer, now, onEvents }),
  });
  const runner = createUploadRunner({
    uploads,
    repository,
    keys,
    blind,
    sealer,
    now,
    publish: (events) => runtime.publisher.publish(events),
    logger: runtime.logger,
  });
  const forms = {
    consent: formList(config.CONSENT_FORMS),
    selfDeclaration: formList(config.DECLARATION_FORMS),
    employmentDeclaration: formList(config.EMPLOYMENT_DECLARATION_FORMS),
  };
  const deps = {
    repository,
    keys,
    uploads,
    certificates,
    access,
    blind,
    sealer,
    cipher,
    signer: signing.signer,
    now,
    onEvents,
    policies,
    forms,
  };
  const candidateRoutes = createCandidateRoutes(deps);
  const uploadRoutes = createUploadRoutes({
    ...deps,
    validate: createSubmissionValidator(openapiPath('intake'), forms),
    maxBytes: config.UPLOAD_MAX_BYTES,
    startStoring: (id) => runner.start(id),
  });
  const rotationRoutes = createRotationRoutes(deps);
  const privacyRoutes = createPrivacyRoutes(deps);
  const personKeyRoutes = createPersonKeyRoutes({ cipher, clients: config.PERSON_KEY_CLIENTS });
  const formRoutes = createFormRoutes(forms);
  const certificateRoutes = createCertificateRoutes(deps);
  const app = createHttpApp({
    service: 'intake',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('intake')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    mountRaw: keepUploadBodyStreamed,
    routes: (router: Router) =>
      [
        candidateRoutes,
        uploadRoutes,
        rotationRoutes,
        certificateRoutes,
        privacyRoutes,
        formRoutes,
        signingKeysRoute(signing.published),
        personKeyRoutes,
      ].forEach((routes) => routes(router)),
  });
  await runner.resume();
  const retention = startRetentionJob(
    {
      notClearedDays: config.RETENTION_NOT_CLEARED_DAYS,
      withdrawnDays: config.RETENTION_WITHDRAWN_DAYS,
      clearedDaysAfterValidity: config.RETENTION_CLEARED_DAYS_AFTER_VALIDITY,
      undecidedDays: config.RETENTION_UNDECIDED_DAYS,
    },
    config.RETENTION_INTERVAL_MS,
    { ...deps, logger: runtime.logger },
  );
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'intake listening');
  const stops: Stop[] = [
    runtime.close,
    () => outbox.stop(),
    () => uploadOutbox.stop(),
    () => consumer.stop(),
    () => runner.stop(),
    () => retention.stop(),
    http.close,
  ];
  return {
    port: http.port,
    app,
    runtime,
    sealer,
    personKeys: cipher.lookupSource,
    consumer,
    runner,
    outbox,
    retention,
    stops,
    stop: () => stopInReverse(stops),
  };
}
