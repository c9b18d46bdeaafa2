import { questionsOf, STANDARD_IDS, type Questionnaire, type Standard } from './questionnaire';

export type AnswerValue = 'yes' | 'partly' | 'no' | 'not-applicable';
export interface Evidence {
  description: string;
  /** Where the evidence can be seen: a document reference or a link (never a candidate's data). */
  reference?: string;
}
export interface Answer {
  answer: AnswerValue;
  evidence: Evidence[];
  note?: string;
}
export type Result = 'meets' | 'partially-meets' | 'does-not-meet';
export type StandardResults = Record<Standard['id'], Result>;

export interface Review {
  decision: 'accepted' | 'returned';
  reviewer: string;
  reviewedAt: string;
  round: number;
  /** Per question id: what the reviewer says about the answer. */
  comments: Record<string, string>;
  summary: string;
  standards?: StandardResults;
  overall?: Result;
}

/** One office's self-assessment against one questionnaire version, from draft to the UN's review. */
export interface Assessment {
  id: string;
  country: string;
  office: string;
  questionnaireVersion: number;
  status: 'draft' | 'submitted' | 'reviewed';
  /** 1, then +1 each time the reviewer returns it for changes. */
  round: number;
  answers: Record<string, Answer>;
  createdAt: string;
  createdBy: string;
  submittedAt?: string;
  submittedBy?: string;
  /** Every review, returned ones included: the history of the conversation. */
  reviews: Review[];
}

export type Problem = { code: string; status: number; message: string; errors?: { field: string; reason: string }[] };
export type Decision = { state: Assessment } | { problem: Problem };

const problem = (code: string, status: number, message: string, errors?: Problem['errors']): Decision => ({
  problem: { code, status, message, ...(errors ? { errors } : {}) },
});

export function startAssessment(input: {
  id: string;
  country: string;
  office: string;
  questionnaire: Questionnaire;
  by: string;
  at: string;
}): Assessment {
  return {
    id: input.id,
    country: input.country,
    office: input.office,
    questionnaireVersion: input.questionnaire.version,
    status: 'draft',
    round: 1,
    answers: {},
    createdAt: input.at,
    createdBy: input.by,
    reviews: [],
  };
}

/** The office saves answers (some or all) while the assessment is a draft. */
export function saveAnswers(a: Assessment, answers: Record<string, Answer>, questionnaire: Questionnaire): Decision {
  if (a.status !== 'draft')
    return problem('ASSESSMENT.NOT_DRAFT', 409, `The assessment is ${a.status}: answers can change only in a draft`);
  const known = new Set(questionsOf(questionnaire).map((q) => q.id));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length)
    return problem(
      'ASSESSMENT.UNKNOWN_QUESTION',
      400,
      'Some answers are to questions this questionnaire does not ask',
      unknown.map((id) => ({ field: `/answers/${id}`, reason: `version ${questionnaire.version} has no question ${id}` })),
    );
  return { state: { ...a, answers: { ...a.answers, ...answers } } };
}

/** Submitting needs every question answered, and evidence for every "yes" or "partly". */
export function submit(a: Assessment, questionnaire: Questionnaire, by: string, at: string): Decision {
  if (a.status !== 'draft') return problem('ASSESSMENT.NOT_DRAFT', 409, `The assessment is ${a.status} already`);
  const errors: NonNullable<Problem['errors']> = [];
  for (const q of questionsOf(questionnaire)) {
    const answer = a.answers[q.id];
    if (!answer) errors.push({ field: `/answers/${q.id}`, reason: 'not answered' });
    else if ((answer.answer === 'yes' || answer.answer === 'partly') && !answer.evidence.length)
      errors.push({ field: `/answers/${q.id}/evidence`, reason: `"${answer.answer}" needs evidence` });
  }
  if (errors.length)
    return problem(
      'ASSESSMENT.INCOMPLETE',
      400,
      `${errors.length} question(s) need an answer or evidence before the assessment can be submitted`,
      errors,
    );
  return { state: { ...a, status: 'submitted', submittedAt: at, submittedBy: by } };
}

export interface ReviewInput {
  decision: 'accepted' | 'returned';
  comments?: Record<string, string>;
  summary: string;
  standards?: Partial<StandardResults>;
  overall?: Result;
}

/**
 * A UN reviewer accepts the assessment with a result for each standard and overall, or returns it
 * to the office with comments (a new round). Nobody reviews an assessment they submitted.
 */
export function review(a: Assessment, input: ReviewInput, questionnaire: Questionnaire, by: string, at: string): Decision {
  if (a.status !== 'submitted')
    return problem('ASSESSMENT.NOT_SUBMITTED', 409, `The assessment is ${a.status}: only a submitted assessment is reviewed`);
  if (by === a.submittedBy)
    return problem('ASSESSMENT.OWN_SUBMISSION', 403, 'An assessment is reviewed by someone other than who submitted it');
  const known = new Set(questionsOf(questionnaire).map((q) => q.id));
  const errors = Object.keys(input.comments ?? {})
    .filter((id) => !known.has(id))
    .map((id) => ({ field: `/comments/${id}`, reason: 'no such question' }));
  if (input.decision === 'accepted') {
    for (const id of STANDARD_IDS)
      if (!input.standards?.[id]) errors.push({ field: `/standards/${id}`, reason: 'a result is needed for every standard' });
    if (!input.overall) errors.push({ field: '/overall', reason: 'an overall result is needed' });
  }
  if (errors.length) return problem('ASSESSMENT.REVIEW_INCOMPLETE', 400, 'The review is incomplete', errors);
  const entry: Review = {
    decision: input.decision,
    reviewer: by,
    reviewedAt: at,
    round: a.round,
    comments: input.comments ?? {},
    summary: input.summary,
    ...(input.decision === 'accepted' ? { standards: input.standards as StandardResults, overall: input.overall! } : {}),
  };
  const reviews = [...a.reviews, entry];
  return input.decision === 'accepted'
    ? { state: { ...a, status: 'reviewed', reviews } }
    : { state: { ...a, status: 'draft', round: a.round + 1, reviews } };
}

/** The office's own view of each standard: yes = 1, partly = ½, no = 0; "not applicable" left out. Percent, or null when nothing applies. */
export function selfScores(a: Pick<Assessment, 'answers'>, questionnaire: Questionnaire): Record<Standard['id'], number | null> {
  const weight: Record<AnswerValue, number | null> = { yes: 1, partly: 0.5, no: 0, 'not-applicable': null };
  const scores = {} as Record<Standard['id'], number | null>;
  for (const s of questionnaire.standards) {
    const values = s.questions
      .map((q) => a.answers[q.id])
      .map((ans) => (ans ? weight[ans.answer] : 0))
      .filter((v): v is number => v !== null);
    scores[s.id] = values.length ? Math.round((100 * values.reduce((x, y) => x + y, 0)) / values.length) : null;
  }
  return scores;
}

export const acceptedReview = (a: Assessment) => [...a.reviews].reverse().find((r) => r.decision === 'accepted');

export interface Standing {
  country: string;
  office: string;
  /** never-assessed: no accepted review; current: accepted within the validity; due: the last one is older. */
  status: 'never-assessed' | 'current' | 'due';
  latest?: {
    assessmentId: string;
    questionnaireVersion: number;
    reviewedAt: string;
    validUntil: string;
    overall: Result;
    standards: StandardResults;
  };
  open?: { assessmentId: string; status: Assessment['status']; round: number };
}

/** Where an office stands: its latest accepted assessment and its validity, and the one under way. */
export function standingOf(country: string, office: string, assessments: Assessment[], validDays: number, now: Date): Standing {
  const reviewed = assessments
    .filter((a) => a.status === 'reviewed')
    .map((a) => ({ a, r: acceptedReview(a)! }))
    .sort((x, y) => y.r.reviewedAt.localeCompare(x.r.reviewedAt))[0];
  const open = assessments.filter((a) => a.status !== 'reviewed').sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  const validUntil = reviewed ? new Date(Date.parse(reviewed.r.reviewedAt) + validDays * 86_400_000).toISOString() : undefined;
  return {
    country,
    office,
    status: !reviewed ? 'never-assessed' : Date.parse(validUntil!) > now.getTime() ? 'current' : 'due',
    ...(reviewed
      ? {
          latest: {
            assessmentId: reviewed.a.id,
            questionnaireVersion: reviewed.a.questionnaireVersion,
            reviewedAt: reviewed.r.reviewedAt,
            validUntil: validUntil!,
            overall: reviewed.r.overall!,
            standards: reviewed.r.standards!,
          },
        }
      : {}),
    ...(open ? { open: { assessmentId: open.id, status: open.status, round: open.round } } : {}),
  };
}
