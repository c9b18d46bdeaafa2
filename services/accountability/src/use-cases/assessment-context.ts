import { AppError, countryScope, forbidden, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { Decision } from '../domain/assessment';
import type { Assessment } from '../domain/assessment';
import type { AssessmentRepository } from '../data/assessment.repository';
import type { QuestionnaireRepository } from '../data/questionnaire.repository';

export interface AssessmentDeps {
  assessments: AssessmentRepository;
  questionnaires: QuestionnaireRepository;
  access: AccessRecorder;
  /** Days an accepted assessment stays current. */
  validDays: number;
  now: () => Date;
  onEvents: () => void;
}

/** The decision's problem as the HTTP answer, or its new state. */
export function stateOf(decision: Decision): Assessment {
  if ('problem' in decision)
    throw new AppError(decision.problem.code, decision.problem.message, {
      status: decision.problem.status,
      errors: decision.problem.errors ?? [],
    });
  return decision.state;
}

/** An assessment the actor may see: an office sees its own country's only (another's is a 404). */
export async function visibleAssessment(actor: Actor, id: string, deps: Pick<AssessmentDeps, 'assessments'>): Promise<Assessment> {
  const assessment = await deps.assessments.load(id);
  const country = countryScope(actor);
  if (!assessment || (country && assessment.country !== country)) throw notFound('ASSESSMENT.NOT_FOUND', 'No such assessment');
  return assessment;
}

export async function questionnaireOf(version: number, deps: Pick<AssessmentDeps, 'questionnaires'>) {
  const questionnaire = await deps.questionnaires.get(version);
  if (!questionnaire) throw notFound('QUESTIONNAIRE.NOT_FOUND', `No questionnaire version ${version}`);
  return questionnaire;
}

/** The country an office acts for; UN roles do not fill in an office's assessment. */
export function officeCountry(actor: Actor): string {
  if (!actor.roles.includes('tcc-officer') || !actor.country)
    throw forbidden('ASSESSMENT.OFFICE_ONLY', 'Only a recruitment office fills in its own self-assessment');
  return actor.country;
}
