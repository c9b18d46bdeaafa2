import { ensureIndexes, startService, type RuntimeOverrides } from '@vetting/platform';
import { createActionRequestRoutes } from './api/action-request.router';
import { createAssessmentRoutes } from './api/assessment.router';
import { createDisclosureRoutes } from './api/disclosure-request.router';
import { accountabilityUnsafeSettings, keysDirOf, type AccountabilityConfig } from './config';
import { createAssessmentRepository } from './data/assessment.repository';
import { createActionRequestRepository, createDisclosureRequestRepository } from './data/case-file.repository';
import { createDisclosureConsentStore } from './data/disclosure-consent.repository';
import { createQuestionnaireRepository } from './data/questionnaire.repository';
import { createTextSealer } from './data/sealed-text';
import { createVettingFactsRepository } from './data/vetting-facts.repository';
import { createPersonRecordsRepository } from './data/person-records.repository';
import { createErasedCandidatesRepository } from './data/erased-candidates.repository';
import { createForgetHandlers } from './messaging/forget-when-candidate-erased.consumer';
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
  const now = options.now ?? (() => new Date());
  const service = await startService('accountability', config, overrides, { unsafe: accountabilityUnsafeSettings(config) });
  const { runtime, access, onEvents } = service;
  const assessments = createAssessmentRepository(runtime.db);
  const questionnaires = createQuestionnaireRepository(runtime.db);
  const requests = createActionRequestRepository(runtime.db);
  const sealer = createTextSealer(runtime.db, keysDirOf(config));
  const disclosures = createDisclosureRequestRepository(runtime.db);
  const facts = createVettingFactsRepository(runtime.db);
  const records = createPersonRecordsRepository(runtime.db);
  const erased = createErasedCandidatesRepository(runtime.db);
  await ensureIndexes(assessments, questionnaires, requests, sealer, disclosures, facts, records);
  service.relay([assessments.collection, questionnaires.collection, requests.collection, disclosures.collection]);
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
  await service.consume('accountability', ['vetting.candidates'], createForgetHandlers({ requests, erased, sealer, now }));
  // Its own group: what disclosure requests learn from references and clearance is apart from other consumers here.
  const learner = await service.consume('accountability-disclosures', DISCLOSURE_TOPICS, createLearnHandlers(facts, records, sealer));
  const reminders = service.every({
    name: 'action-request-reminders',
    intervalMs: config.ACTION_REQUEST_SWEEP_MS,
    run: () => sweepActionRequests(requestDeps),
  });
  const deadlines = service.every({
    name: 'disclosure-deadlines',
    intervalMs: config.ACTION_REQUEST_SWEEP_MS,
    run: () => sweepDisclosureDeadlines(disclosureDeps),
  });
  const { app, port } = await service.serve({
    routes: [createAssessmentRoutes(deps), createActionRequestRoutes(requestDeps), createDisclosureRoutes(disclosureDeps)],
  });
  const { stops, stop } = service;
  return { port, app, runtime, reminders, deadlines, learner, facts, sealer, stops, stop };
}
