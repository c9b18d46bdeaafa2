import { describe, expect, it } from 'vitest';
import {
  review,
  saveAnswers,
  selfScores,
  standingOf,
  startAssessment,
  submit,
  type Answer,
  type Assessment,
  type Decision,
} from './assessment';
import { KCS_QUESTIONNAIRE_V1 } from './kcs-questionnaire.v1';
import { questionnaireProblems, questionsOf, type Questionnaire } from './questionnaire';

const questionnaire: Questionnaire = { ...KCS_QUESTIONNAIRE_V1, createdAt: '2026-01-01T00:00:00Z', createdBy: 'platform' };
const yes: Answer = { answer: 'yes', evidence: [{ description: 'Policy approved 2025-11-02', reference: 'DOC-17' }] };
const state = (d: Decision): Assessment => {
  if ('problem' in d) throw new Error(d.problem.message);
  return d.state;
};
const draft = () =>
  startAssessment({ id: 'a1', country: 'GH', office: 'national', questionnaire, by: 'gh-office', at: '2026-01-02T00:00:00Z' });
const allYes = () => Object.fromEntries(questionsOf(questionnaire).map((q) => [q.id, yes]));
const results = { policy: 'meets', people: 'meets', procedures: 'partially-meets', accountability: 'meets' } as const;

describe('safeguarding self-assessment', () => {
  it('when the built-in questionnaire is checked, then it has the four standards and no problem', () => {
    expect(questionnaireProblems(KCS_QUESTIONNAIRE_V1)).toEqual([]);
    expect(questionnaireProblems({ ...KCS_QUESTIONNAIRE_V1, standards: KCS_QUESTIONNAIRE_V1.standards.slice(1) })[0]).toMatchObject({
      field: '/standards',
    });
  });

  it('when an office submits with a question unanswered or a "yes" without evidence, then each one is named and nothing changes', () => {
    const answered = state(saveAnswers(draft(), { ...allYes(), 'policy.2': { answer: 'partly', evidence: [] } }, questionnaire));
    const withoutOne = { ...answered, answers: Object.fromEntries(Object.entries(answered.answers).filter(([id]) => id !== 'people.3')) };
    const refused = submit(withoutOne, questionnaire, 'gh-office', '2026-01-03T00:00:00Z');
    expect(refused).toMatchObject({ problem: { code: 'ASSESSMENT.INCOMPLETE', status: 400 } });
    expect('problem' in refused && refused.problem.errors?.map((e) => e.field)).toEqual([
      '/answers/policy.2/evidence',
      '/answers/people.3',
    ]);
  });

  it('when an answer is to a question the version does not ask, then it is refused', () => {
    expect(saveAnswers(draft(), { 'policy.99': yes }, questionnaire)).toMatchObject({
      problem: { code: 'ASSESSMENT.UNKNOWN_QUESTION', errors: [{ field: '/answers/policy.99' }] },
    });
  });

  it('when the reviewer returns it, then it is a draft again in a new round with the comments kept; accepted, it carries a result per standard', () => {
    const submitted = state(
      submit(state(saveAnswers(draft(), allYes(), questionnaire)), questionnaire, 'gh-office', '2026-01-03T00:00:00Z'),
    );
    expect(saveAnswers(submitted, allYes(), questionnaire)).toMatchObject({ problem: { code: 'ASSESSMENT.NOT_DRAFT' } });
    const returned = state(
      review(
        submitted,
        { decision: 'returned', summary: 'Training records missing', comments: { 'people.2': 'Attach the attendance list' } },
        questionnaire,
        'un-reviewer',
        '2026-01-04T00:00:00Z',
      ),
    );
    expect(returned).toMatchObject({
      status: 'draft',
      round: 2,
      reviews: [{ decision: 'returned', round: 1, comments: { 'people.2': 'Attach the attendance list' } }],
    });
    const again = state(submit(returned, questionnaire, 'gh-office', '2026-01-05T00:00:00Z'));
    expect(
      review(
        again,
        { decision: 'accepted', summary: 'ok', standards: { policy: 'meets' } },
        questionnaire,
        'un-reviewer',
        '2026-01-06T00:00:00Z',
      ),
    ).toMatchObject({ problem: { code: 'ASSESSMENT.REVIEW_INCOMPLETE' } });
    const accepted = state(
      review(
        again,
        { decision: 'accepted', summary: 'Meets most standards', standards: results, overall: 'partially-meets' },
        questionnaire,
        'un-reviewer',
        '2026-01-06T00:00:00Z',
      ),
    );
    expect(accepted).toMatchObject({
      status: 'reviewed',
      reviews: [{ decision: 'returned' }, { decision: 'accepted', overall: 'partially-meets', round: 2 }],
    });
  });

  it('when the person who submitted tries to review, then it is refused', () => {
    const submitted = state(submit(state(saveAnswers(draft(), allYes(), questionnaire)), questionnaire, 'un-dual', '2026-01-03T00:00:00Z'));
    expect(
      review(
        submitted,
        { decision: 'accepted', summary: 'x', standards: results, overall: 'meets' },
        questionnaire,
        'un-dual',
        '2026-01-04T00:00:00Z',
      ),
    ).toMatchObject({ problem: { code: 'ASSESSMENT.OWN_SUBMISSION', status: 403 } });
  });

  it('when scores are computed, then yes counts 1, partly ½, no 0 and "not applicable" is left out', () => {
    const answers = {
      'policy.1': yes,
      'policy.2': { answer: 'partly', evidence: [{ description: 'draft' }] },
      'policy.3': { answer: 'no', evidence: [] },
      'people.1': { answer: 'not-applicable', evidence: [] },
    } as Record<string, Answer>;
    expect(selfScores({ answers }, questionnaire)).toMatchObject({ policy: 50, people: 0 });
  });

  it("when an office's assessments are summed up, then it is current within the validity after acceptance, due after, and never assessed before", () => {
    const accepted = state(
      review(
        state(submit(state(saveAnswers(draft(), allYes(), questionnaire)), questionnaire, 'gh-office', '2026-01-03T00:00:00Z')),
        { decision: 'accepted', summary: 'ok', standards: results, overall: 'meets' },
        questionnaire,
        'un-reviewer',
        '2026-01-04T00:00:00Z',
      ),
    );
    expect(standingOf('GH', 'national', [], 365, new Date('2026-02-01T00:00:00Z')).status).toBe('never-assessed');
    expect(standingOf('GH', 'national', [accepted], 365, new Date('2026-02-01T00:00:00Z'))).toMatchObject({
      status: 'current',
      latest: { overall: 'meets', validUntil: '2027-01-04T00:00:00.000Z' },
    });
    const next = { ...draft(), id: 'a2', createdAt: '2027-01-10T00:00:00Z' };
    expect(standingOf('GH', 'national', [accepted, next], 365, new Date('2027-02-01T00:00:00Z'))).toMatchObject({
      status: 'due',
      open: { assessmentId: 'a2', status: 'draft' },
    });
  });
});
