import type { DisclosureRequest } from './disclosure-request';

/**
 * The scheme's annual implementation figures, as the Misconduct Disclosure Scheme asks each member to
 * report them: recruitments, requests made, responses received, responses provided, applicants
 * rejected on negative or absent information. The platform is both sides: it asks previous employers
 * (references) and answers as one (here).
 */
export interface VettingFact {
  kind: 'recruited' | 'not-cleared' | 'disclosure-requested' | 'disclosure-completed';
  year: number;
  country: string;
  candidateId: string;
  /** For a completed disclosure check: its result. */
  result?: string;
  /** For a refusal: a previous employer's disclosure among its inputs was adverse or never came. */
  onNegativeOrAbsentDisclosure?: boolean;
}

export interface AnnualFigures {
  year: number;
  recruitments: number;
  requestsMade: number;
  responsesReceived: number;
  requestsReceived: number;
  responsesProvided: number;
  /** Answers that disclosed a finding or a departure while under investigation. */
  negativeAnswersProvided: number;
  rejectedOnNegativeOrAbsentInformation: number;
}

/** A previous employer's answer that holds something against the person, or no answer at all. */
export const NEGATIVE_OR_ABSENT = new Set(['adverse', 'no-response']);

export function annualFigures(year: number, facts: VettingFact[], requests: DisclosureRequest[]): AnnualFigures {
  const inYear = facts.filter((f) => f.year === year);
  const count = (kind: VettingFact['kind']) => new Set(inYear.filter((f) => f.kind === kind).map((f) => `${f.candidateId}`)).size;
  // A person counts once whatever the number of decisions; what counts is the refusal's own inputs.
  const rejected = new Set(inYear.filter((f) => f.kind === 'not-cleared' && f.onNegativeOrAbsentDisclosure).map((f) => f.candidateId));
  const answered = requests.filter(
    (r) => r.state === 'answered' && r.answer && new Date(r.answer.countersignedAt ?? r.answer.answeredAt).getUTCFullYear() === year,
  );
  return {
    year,
    recruitments: count('recruited'),
    requestsMade: inYear.filter((f) => f.kind === 'disclosure-requested').length,
    responsesReceived: inYear.filter((f) => f.kind === 'disclosure-completed' && (f.result === 'adverse' || f.result === 'no-adverse'))
      .length,
    requestsReceived: requests.filter((r) => new Date(r.receivedAt).getUTCFullYear() === year).length,
    responsesProvided: answered.length,
    negativeAnswersProvided: answered.filter((r) => r.answer!.kind !== 'none').length,
    rejectedOnNegativeOrAbsentInformation: rejected.size,
  };
}
