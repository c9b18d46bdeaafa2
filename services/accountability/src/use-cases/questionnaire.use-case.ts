import { badRequest, conflict, createEvent, type Actor } from '@vetting/platform';
import { KCS_QUESTIONNAIRE_V1 } from '../domain/kcs-questionnaire.v1';
import { questionnaireProblems, questionsOf, type Questionnaire } from '../domain/questionnaire';
import type { AssessmentDeps } from './assessment-context';
import { questionnaireOf } from './assessment-context';

const published = (q: Questionnaire) =>
  createEvent('accountability', {
    type: 'assessment.questionnaire-published',
    subject: `questionnaire-v${q.version}`,
    data: { version: q.version, createdAt: q.createdAt, createdBy: q.createdBy, questions: questionsOf(q).length },
  });

/** The built-in questionnaire, stored once on first start. */
export async function seedQuestionnaire(deps: Pick<AssessmentDeps, 'questionnaires' | 'now'>): Promise<void> {
  if (await deps.questionnaires.get(1)) return;
  const q: Questionnaire = { ...KCS_QUESTIONNAIRE_V1, createdAt: deps.now().toISOString(), createdBy: 'platform' };
  await deps.questionnaires.insert(q, [published(q)]);
}

/** An admin publishes a new version; answers already given stay with the version they answered. */
export async function publishQuestionnaire(
  actor: Actor,
  body: Omit<Questionnaire, 'version' | 'createdAt' | 'createdBy'>,
  deps: AssessmentDeps,
): Promise<Questionnaire> {
  const problems = questionnaireProblems(body);
  if (problems.length) throw badRequest('QUESTIONNAIRE.INVALID', 'The questionnaire is not valid', problems);
  const latest = await deps.questionnaires.latest();
  const q: Questionnaire = { ...body, version: (latest?.version ?? 0) + 1, createdAt: deps.now().toISOString(), createdBy: actor.id };
  if (!(await deps.questionnaires.insert(q, [published(q)])))
    throw conflict('QUESTIONNAIRE.CONCURRENT', 'Another version was published at the same moment; try again');
  deps.onEvents();
  return q;
}

export const listQuestionnaires = async (deps: AssessmentDeps) => ({ items: await deps.questionnaires.list() });
export const readQuestionnaire = (version: number, deps: AssessmentDeps) => questionnaireOf(version, deps);
