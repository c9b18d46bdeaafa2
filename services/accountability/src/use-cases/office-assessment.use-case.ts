import { createHash } from 'node:crypto';
import { conflict, createEvent, type Actor } from '@vetting/platform';
import { saveAnswers, selfScores, startAssessment, submit, type Answer, type Assessment } from '../domain/assessment';
import { officeCountry, questionnaireOf, stateOf, visibleAssessment, type AssessmentDeps } from './assessment-context';

const assessmentId = (country: string, office: string, n: number) => `asm-${country}-${office}-${n}`;
const cause = (actor: Actor, action: string, key: string | undefined) =>
  `${action}:${key ? createHash('sha256').update(`${actor.id}|${key}`).digest('hex').slice(0, 32) : crypto.randomUUID()}`;

/**
 * An office opens a self-assessment against the latest questionnaire. One at a time per office: the
 * id is the office's next number, so two starts at once make one (the other gets a 409).
 */
export async function startOfficeAssessment(
  actor: Actor,
  body: { office?: string },
  key: string | undefined,
  deps: AssessmentDeps,
): Promise<Assessment> {
  const country = officeCountry(actor);
  const office = body.office ?? 'national';
  const existing = await deps.assessments.find({ country, office });
  const open = existing.find((a) => a.status !== 'reviewed');
  if (open)
    throw conflict('ASSESSMENT.OPEN', `The office has an assessment under way (${open.id}); finish it first`, { assessmentId: open.id });
  const questionnaire = await deps.questionnaires.latest();
  if (!questionnaire) throw conflict('QUESTIONNAIRE.NONE', 'No questionnaire is published');
  const id = assessmentId(country, office, existing.length + 1);
  const at = deps.now().toISOString();
  const result = await deps.assessments.change(id, cause(actor, 'start', key), (current) =>
    current ? undefined : { state: startAssessment({ id, country, office, questionnaire, by: actor.id, at }), events: [] },
  );
  if (result.outcome === 'unchanged')
    throw conflict('ASSESSMENT.OPEN', 'An assessment was started at the same moment; open it', { assessmentId: id });
  return result.revision!.state as Assessment;
}

/** The office saves answers (with their evidence) to its draft. */
export async function saveOfficeAnswers(
  actor: Actor,
  id: string,
  answers: Record<string, Answer>,
  key: string | undefined,
  deps: AssessmentDeps,
): Promise<Assessment> {
  officeCountry(actor);
  const current = await visibleAssessment(actor, id, deps);
  const questionnaire = await questionnaireOf(current.questionnaireVersion, deps);
  const result = await deps.assessments.change(id, cause(actor, 'answers', key), (a) =>
    a ? { state: stateOf(saveAnswers(a, answers, questionnaire)), events: [] } : undefined,
  );
  return (result.revision?.state as Assessment | undefined) ?? current;
}

/** The office submits its assessment for the UN's review (announced: assessment.submitted). */
export async function submitOfficeAssessment(actor: Actor, id: string, key: string | undefined, deps: AssessmentDeps): Promise<Assessment> {
  officeCountry(actor);
  const current = await visibleAssessment(actor, id, deps);
  const questionnaire = await questionnaireOf(current.questionnaireVersion, deps);
  const at = deps.now().toISOString();
  const result = await deps.assessments.change(id, cause(actor, 'submit', key), (a) => {
    if (!a) return undefined;
    const state = stateOf(submit(a, questionnaire, actor.id, at));
    const event = createEvent('accountability', {
      type: 'assessment.submitted',
      subject: id,
      tenant: state.country,
      data: {
        assessmentId: id,
        country: state.country,
        office: state.office,
        questionnaireVersion: state.questionnaireVersion,
        round: state.round,
        submittedAt: at,
        submittedBy: actor.id,
        selfScores: selfScores(state, questionnaire),
      },
    });
    return { state, events: [event] };
  });
  deps.onEvents();
  return (result.revision?.state as Assessment | undefined) ?? current;
}
