import { openapiPath } from '@vetting/contracts';
import { createAccessRecorder, createHttpApp, createServiceRuntime, listen, OpenApiValidator, startOutboxRelay, stopInReverse, type RuntimeOverrides, type Stop } from '@vetting/platform';
import { createAssessmentRoutes } from './api/assessment.router';
import type { AccountabilityConfig } from './config';
import { createAssessmentRepository } from './data/assessment.repository';
import { createQuestionnaireRepository } from './data/questionnaire.repository';
import { seedQuestionnaire } from './use-cases/questionnaire.use-case';

export interface AccountabilityOptions {
  /** The clock for submissions, reviews and validity. Default: the system clock. */
  now?: () => Date;
}

/** Starts every part of the accountability service; returns its port and the stops in start order. */
export async function startAccountability(config: AccountabilityConfig, overrides: RuntimeOverrides = {}, options: AccountabilityOptions = {}) {
  const now = options.now ?? (() => new Date());
  const runtime = await createServiceRuntime(config, overrides);
  const assessments = createAssessmentRepository(runtime.db);
  const questionnaires = createQuestionnaireRepository(runtime.db);
  await Promise.all([assessments.ensureIndexes(), questionnaires.ensureIndexes()]);
  const relay = { kick: () => undefined as void };
  const access = createAccessRecorder(runtime.db, 'accountability', () => relay.kick());
  const outbox = startOutboxRelay(runtime, [assessments.collection, questionnaires.collection, access.collection]);
  relay.kick = () => outbox.kick();
  const deps = { assessments, questionnaires, access, validDays: config.ASSESSMENT_VALID_DAYS, now, onEvents: () => outbox.kick() };
  await seedQuestionnaire(deps);
  const app = createHttpApp({
    service: 'accountability',
    logger: runtime.logger,
    metrics: runtime.metrics,
    validator: new OpenApiValidator(openapiPath('accountability')),
    verifyToken: runtime.verifyToken,
    readiness: runtime.readiness,
    routes: (router) => createAssessmentRoutes(deps)(router),
  });
  const http = await listen(app, config.PORT);
  runtime.logger.info({ port: http.port }, 'accountability listening');
  const stops: Stop[] = [runtime.close, () => outbox.stop(), http.close];
  return { port: http.port, app, runtime, stops, stop: () => stopInReverse(stops) };
}
