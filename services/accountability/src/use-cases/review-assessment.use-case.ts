import { createHash } from 'node:crypto';
import { countryScope, createEvent, type Actor } from '@vetting/platform';
import { review, selfScores, standingOf, type Assessment, type ReviewInput, type Standing } from '../domain/assessment';
import { questionnaireOf, stateOf, visibleAssessment, type AssessmentDeps } from './assessment-context';

/** A UN reviewer accepts the assessment with results, or returns it with comments (assessment.reviewed). */
export async function reviewAssessment(
  actor: Actor,
  id: string,
  input: ReviewInput,
  key: string | undefined,
  deps: AssessmentDeps,
): Promise<Assessment> {
  const current = await visibleAssessment(actor, id, deps);
  const questionnaire = await questionnaireOf(current.questionnaireVersion, deps);
  const at = deps.now().toISOString();
  const causedBy = `review:${key ? createHash('sha256').update(`${actor.id}|${key}`).digest('hex').slice(0, 32) : crypto.randomUUID()}`;
  const result = await deps.assessments.change(id, causedBy, (a) => {
    if (!a) return undefined;
    const state = stateOf(review(a, input, questionnaire, actor.id, at));
    const event = createEvent('accountability', {
      type: 'assessment.reviewed',
      subject: id,
      tenant: state.country,
      data: {
        assessmentId: id,
        country: state.country,
        office: state.office,
        decision: input.decision,
        round: a.round,
        reviewedBy: actor.id,
        reviewedAt: at,
        ...(input.decision === 'accepted' ? { overall: input.overall, standards: input.standards } : {}),
      },
    });
    return { state, events: [event] };
  });
  deps.onEvents();
  return (result.revision?.state as Assessment | undefined) ?? current;
}

/** One assessment with the office's own scores per standard. */
export async function readAssessment(actor: Actor, id: string, deps: AssessmentDeps) {
  const assessment = await visibleAssessment(actor, id, deps);
  return { ...assessment, selfScores: selfScores(assessment, await questionnaireOf(assessment.questionnaireVersion, deps)) };
}

/** Every change of an assessment: who saved, submitted or reviewed it, when, and its state then. */
export async function assessmentHistory(actor: Actor, id: string, deps: AssessmentDeps) {
  await visibleAssessment(actor, id, deps);
  return {
    items: (await deps.assessments.history(id)).map(({ rev, at, state }) => ({
      rev,
      at,
      status: state.status,
      round: state.round,
      answered: Object.keys(state.answers).length,
      reviews: state.reviews.length,
    })),
  };
}

export async function listAssessments(actor: Actor, query: { country?: string; status?: string }, deps: AssessmentDeps) {
  const items = await deps.assessments.find({ country: countryScope(actor, query.country), status: query.status });
  return { items: items.map(({ answers: _a, reviews, ...a }) => ({ ...a, reviews: reviews.length })) };
}

/** Where each office stands (an office: its own country's offices). */
export async function officeStandings(actor: Actor, query: { country?: string }, deps: AssessmentDeps): Promise<{ items: Standing[] }> {
  const country = countryScope(actor, query.country);
  const all = await deps.assessments.find({ country });
  const offices = new Map<string, Assessment[]>();
  for (const a of all) offices.set(`${a.country}|${a.office}`, [...(offices.get(`${a.country}|${a.office}`) ?? []), a]);
  if (country && ![...offices.keys()].some((k) => k.startsWith(`${country}|`))) offices.set(`${country}|national`, []);
  const now = deps.now();
  return {
    items: [...offices]
      .map(([k, list]) => standingOf(k.split('|')[0]!, k.split('|')[1]!, list, deps.validDays, now))
      .sort((a, b) => a.country.localeCompare(b.country) || a.office.localeCompare(b.office)),
  };
}
