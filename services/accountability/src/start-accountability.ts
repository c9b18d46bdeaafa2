import { openapiPath } from '@vetting/contracts';
import { createAccessRecorder, createHttpApp, createServiceRuntime, listen, OpenApiValidator, refuseInProduction, startConsumer, startOutboxRelay, startPeriodicTask, stopInReverse, type RuntimeOverrides, type Stop } from '@vetting/platform';
import { createActionRequestRoutes } from './api/action-request.router';
import { createAssessmentRoutes } from './api/assessment.router';
import { accountabilityUnsafeSettings, keysDirOf, type AccountabilityConfig } from './config';
import { createAssessmentRepository } from './data/assessment.repository';
import { createCaseFileRepository } from './data/case-file.repository';
import { createQuestionnaireRepository } from './data/questionnaire.repository';
import { createTextSealer } from './data/sealed-text';
import type { ActionRequest } from './domain/action-request';
import { createForgetHandlers } from './messaging/forget-when-candidate-erased.consumer';
import type { ActionRequestDeps } from './use-cases/action-request-context';
import { seedQuestionnaire } from './use-cases/questionnaire.use-case';
import { sweepActionRequests } from './use-cases/read-action-requests.use-case';

export interface AccountabilityOptions {
  /** The clock for submissions, reviews, validity, deadlines and reminders. Default: the system clock. */
  now?: () => Date;
}

/** Starts every part of the accountability service; returns its port, the reminder job and the stops in start order. */
export async function startAccountability(config: AccountabilityConfig, overrides: RuntimeOverrides = {}, options: AccountabilityOptions = {}) {
  refuseInProduction(config, accountabilityUnsafeSettings(config));
  const now = options.now ?? (() => new Date());
  const runtime = await createServiceRuntime(config, overrides);
  const assessments = createAssessmentRepository(runtime.db);
  const questionnaires = createQuestionnaireRepository(runtime.db);
  const requests = createCaseFileRepository<ActionRequest>(runtime.db, 'action_requests', [{ country: 1, sentAt: -1 }, { state: 1 }, { candidateId: 1 }, { 'listEntry.listId': 1, 'listEntry.entryId': 1 }]);
  const sealer = createTextSealer(runtime.db, keysDirOf(config));
  await Promise.all([assessments.ensureIndexes(), questionnaires.ensureIndexes(), requests.ensureIndexes(), sealer.ensureIndexes()]);
  const relay = { kick: () => undefined as void };
  const access = createAccessRecorder(runtime.db, 'accountability', () => relay.kick());
  const outbox = startOutboxRelay(runtime, [assessments.collection, questionnaires.collection, requests.collection, access.collection]);
  relay.kick = () => outbox.kick();
  const onEvents = () => outbox.kick();
  const deps = { assessments, questionnaires, access, validDays: config.ASSESSMENT_VALID_DAYS, now, onEvents };
  const requestDeps: ActionRequestDeps = {
    requests,
    sealer,
    access,
    defaultDays: config.ACTION_REQUEST_DAYS,
    reminders: { remindBeforeDays: config.ACTION_REQUEST_REMIND_BEFORE_DAYS, remindEveryDays: config.ACTION_REQUEST_REMIND_EVERY_DAYS },
    now,
    onEvents,
  };
  await seedQuestionnaire(deps);
  const consumer = await startConsumer(runtime, 'accountability', ['vetting.candidates'], createForgetHandlers({ requests, sealer, now }));
  const reminders = startPeriodicTask('action-request-reminders', config.ACTION_REQUEST_SWEEP_MS, runtime.logger, () => sweepActionRequests(requestDeps));
  const app = createHttpApp({
    service: 'accountability',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('accountability')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    routes: (router) => {
      createAssessmentRoutes(deps)(router);
      createActionRequestRoutes(requestDeps)(router);
    },
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'accountability listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), () => consumer.stop(), () => reminders.stop(), http.close];
  return { port: http.port, app, runtime, reminders, stops, stop: () => stopInReverse(stops) };
}
