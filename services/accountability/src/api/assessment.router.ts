import type { Router } from 'express';
import { actorOf, idempotencyKey, paramsOf, queryOf } from '@vetting/platform';
import type { Answer, ReviewInput } from '../domain/assessment';
import type { AssessmentDeps } from '../use-cases/assessment-context';
import { saveOfficeAnswers, startOfficeAssessment, submitOfficeAssessment } from '../use-cases/office-assessment.use-case';
import { listQuestionnaires, publishQuestionnaire, readQuestionnaire } from '../use-cases/questionnaire.use-case';
import {
  assessmentHistory,
  listAssessments,
  officeStandings,
  readAssessment,
  reviewAssessment,
} from '../use-cases/review-assessment.use-case';

type Id = { assessmentId: string };

/** Safeguarding self-assessments: the questionnaire, an office's answers, the UN's review, where each office stands. */
export function createAssessmentRoutes(deps: AssessmentDeps) {
  return (router: Router) => {
    router.get('/questionnaires', async (_req, res) => void res.json(await listQuestionnaires(deps)));
    router.post('/questionnaires', async (req, res) => void res.status(201).json(await publishQuestionnaire(actorOf(req), req.body, deps)));
    router.get(
      '/questionnaires/:version',
      async (req, res) => void res.json(await readQuestionnaire(Number(paramsOf<{ version: string }>(req).version), deps)),
    );
    router.get(
      '/assessments/standing',
      async (req, res) => void res.json(await officeStandings(actorOf(req), queryOf<{ country?: string }>(req), deps)),
    );
    router.get(
      '/assessments',
      async (req, res) => void res.json(await listAssessments(actorOf(req), queryOf<{ country?: string; status?: string }>(req), deps)),
    );
    router.post(
      '/assessments',
      async (req, res) =>
        void res.status(201).json(await startOfficeAssessment(actorOf(req), req.body as { office?: string }, idempotencyKey(req), deps)),
    );
    router.get(
      '/assessments/:assessmentId',
      async (req, res) => void res.json(await readAssessment(actorOf(req), paramsOf<Id>(req).assessmentId, deps)),
    );
    router.get(
      '/assessments/:assessmentId/history',
      async (req, res) => void res.json(await assessmentHistory(actorOf(req), paramsOf<Id>(req).assessmentId, deps)),
    );
    router.put('/assessments/:assessmentId/answers', async (req, res) => {
      const { answers } = req.body as { answers: Record<string, Answer> };
      res.json(await saveOfficeAnswers(actorOf(req), paramsOf<Id>(req).assessmentId, answers, idempotencyKey(req), deps));
    });
    router.post(
      '/assessments/:assessmentId/submission',
      async (req, res) =>
        void res.json(await submitOfficeAssessment(actorOf(req), paramsOf<Id>(req).assessmentId, idempotencyKey(req), deps)),
    );
    router.post(
      '/assessments/:assessmentId/review',
      async (req, res) =>
        void res.json(
          await reviewAssessment(actorOf(req), paramsOf<Id>(req).assessmentId, req.body as ReviewInput, idempotencyKey(req), deps),
        ),
    );
  };
}
