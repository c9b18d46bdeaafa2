import { openapiPath } from '@vetting/contracts';
import {
  createAccessRecorder,
  createHttpApp,
  createServiceRuntime,
  listen,
  OpenApiValidator,
  refuseInProduction,
  startConsumer,
  startOutboxRelay,
  startPeriodicTask,
  stopInReverse,
  type RuntimeOverrides,
  type Stop,
} from '@vetting/platform';
import { createActionRequestRoutes } from './api/action-request.router';
import { createAssessmentRoutes } from './api/assessment.router';
import { createDisclosureRoutes } from './api/disclosure-request.router';
import { accountabilityUnsafeSettings, keysDirOf, type AccountabilityConfig } from './config';
import { createAssessmentRepository } from './data/assessment.repository';
import { createCaseFileRepository } from './data/case-file.repository';
import { createDisclosureConsentStore } from './data/disclosure-consent.repository';
import { createQuestionnaireRepository } from './data/questionnaire.repository';
import { createTextSealer } from './data/sealed-text';
import { createVettingFactsRepository } from './data/vetting-facts.repository';
import { createPersonRecordsRepository } from './data/person-records.repository';
import { createErasedCandidatesRepository } from './data/erased-candidates.repository';
import type { ActionRequest } from './domain/action-request';
import { createForgetHandlers } from './messaging/forget-when-candidate-erased.consumer';
import type { DisclosureRequest } from './domain/disclosure-request';
import { createLearnHandlers, DISCLOSURE_TOPICS } from './messaging/learn-when-vetting-events-arrive.consumer';
import type { ActionRequestDeps } from './use-cases/action-request-context';
import type { DisclosureDeps } from './use-cases/disclosure-context';
import { sweepDisclosureDeadlines } from './use-cases/sweep-disclosure-deadlines.use-case';
import { seedQuestionnaire } from './use-cases/questionnaire.use-case';
import { sweepActionRequests } from './use-cases/read-action-requests.use-case';

export interface AccountabilityOptions {
  /** The clock for submissions, reviews, validity, deadlines and reminders. Default: the system clock. */
  now?: () => Date;
}

/** Starts every part of the accountability service; returns its port, the reminder job and the stops in start order. */
export async function startAccountability(
  config: AccountabilityConfig,
  overrides: RuntimeOverrides = {},
  options: AccountabilityOptions = {},
) {
  refuseInProduction(config, accountabilityUnsafeSettings(config));
  const now = options.now ?? (() => new Date());
  const runtime = await createServiceRuntime(config, overrides);
  const assessments = createAssessmentRepository(runtime.db);
  const questionnaires = createQuestionnaireRepository(runtime.db);
  const requests = createCaseFileRepository<ActionRequest>(runtime.db, 'action_requests', [
    { country: 1, sentAt: -1 },
    { state: 1 },
    { candidateId: 1 },
    { 'listEntry.listId': 1, 'listEntry.entryId': 1 },
  ]);
  const sealer = createTextSealer(runtime.db, keysDirOf(config));
  const disclosures = createCaseFileRepository<DisclosureRequest>(runtime.db, 'disclosure_requests', [
    { addressedTo: 1, receivedAt: -1 },
    { candidateId: 1 },
    { country: 1 },
  ]);
  const facts = createVettingFactsRepository(runtime.db);
  const records = createPersonRecordsRepository(runtime.db);
  const erased = createErasedCandidatesRepository(runtime.db);
  await Promise.all([
    assessments.ensureIndexes(),
    questionnaires.ensureIndexes(),
    requests.ensureIndexes(),
    sealer.ensureIndexes(),
    disclosures.ensureIndexes(),
    facts.ensureIndexes(),
    records.ensureIndexes(),
  ]);
  const relay = { kick: () => undefined as void };
  const access = createAccessRecorder(runtime.db, 'accountability', () => relay.kick());
  const outbox = startOutboxRelay(runtime, [
    assessments.collection,
    questionnaires.collection,
    requests.collection,
    disclosures.collection,
    access.collection,
  ]);
  relay.kick = () => outbox.kick();
  const onEvents = () => outbox.kick();
  const deps = { assessments, questionnaires, access, validDays: config.ASSESSMENT_VALID_DAYS, now, onEvents };
  const requestDeps: ActionRequestDeps = {
    requests,
    erased,
    sealer,
    access,
    defaultDays: config.ACTION_REQUEST_DAYS,
    reminders: { remindBeforeDays: config.ACTION_REQUEST_REMIND_BEFORE_DAYS, remindEveryDays: config.ACTION_REQUEST_REMIND_EVERY_DAYS },
    now,
    onEvents,
  };
  const disclosureDeps: DisclosureDeps = {
    disclosures,
    consents: createDisclosureConsentStore(runtime.db, sealer),
    requests,
    facts,
    records,
    sealer,
    access,
    answerDays: config.DISCLOSURE_ANSWER_DAYS,
    now,
    onEvents,
  };
  await seedQuestionnaire(deps);
  const consumer = await startConsumer(
    runtime,
    'accountability',
    ['vetting.candidates'],
    createForgetHandlers({ requests, erased, sealer, now }),
  );
  // Its own group: what disclosure requests learn from references and clearance is apart from other consumers here.
  const learner = await startConsumer(
    runtime,
    'accountability-disclosures',
    DISCLOSURE_TOPICS,
    createLearnHandlers(facts, records, sealer),
  );
  const reminders = startPeriodicTask('action-request-reminders', config.ACTION_REQUEST_SWEEP_MS, runtime.logger, () =>
    sweepActionRequests(requestDeps),
  );
  const deadlines = startPeriodicTask('disclosure-deadlines', config.ACTION_REQUEST_SWEEP_MS, runtime.logger, () =>
    sweepDisclosureDeadlines(disclosureDeps),
  );
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
      createDisclosureRoutes(disclosureDeps)(router);
    },
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'accountability listening');
  const stops: Stop[] = [
    runtime.close,
    () => outbox.stop(),
    () => consumer.stop(),
    () => learner.stop(),
    () => reminders.stop(),
    () => deadlines.stop(),
    http.close,
  ];
  return { port: http.port, app, runtime, reminders, deadlines, learner, facts, sealer, stops, stop: () => stopInReverse(stops) };
}
