import { coverageGaps, windowStart, type PolicyRules, type EmploymentSummary } from '@vetting/policy';
import type { EmploymentDeclaration, Person } from './candidate';
import type { RuleProblem } from './candidate-rules';

export interface EmploymentInput {
  person: Pick<Person, 'previousEmployers'>;
  employmentDeclaration?: EmploymentDeclaration;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Employment coverage is complete or the nomination is refused: the history accounts for the whole
 * look-back window of the policy (`employmentLookbackYears`), or the candidate signed that they had
 * no other employer in it. An employer needs its HR contact, except the person's own national
 * service (asked through its disciplinary record), which is the nominating country's.
 */
export function employmentProblems(
  input: EmploymentInput,
  country: string | undefined,
  policy: Pick<PolicyRules, 'employmentLookbackYears'>,
  now: Date,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const employers = input.person.previousEmployers ?? [];
  employers.forEach((e, i) => {
    if (!e.nationalService && !e.contactEmail)
      problems.push({
        field: `person/previousEmployers/${i}/contactEmail`,
        reason: 'is required: the HR contact of the employer (the request goes to the contact the UN verified for it)',
      });
    if (e.nationalService && e.country && country && e.country !== country)
      problems.push({
        field: `person/previousEmployers/${i}/nationalService`,
        reason: `national service is the service of ${country}; list another country's forces as an employer with its HR contact`,
      });
  });
  if (input.employmentDeclaration) return problems;
  const years = policy.employmentLookbackYears;
  const since = day(windowStart(policy, now));
  const declaration = `or the candidate's signed declaration that they had no other employer in that window (employmentDeclaration)`;
  if (!employers.length) {
    problems.push({
      field: 'person/previousEmployers',
      reason: `is required: the employment of the last ${years} years (since ${since}), national service included, ${declaration}`,
    });
    return problems;
  }
  const gaps = coverageGaps(policy, employers, now);
  if (gaps.length)
    problems.push({
      field: 'person/previousEmployers',
      reason: `does not cover ${gaps.map((g) => `${g.from} to ${g.to}`).join(', ')} of the ${years}-year look-back window (since ${since}): add the employer of that time, ${declaration}`,
    });
  return problems;
}

/** What clearance needs of the employment: periods without names or contacts, and whether the candidate declared it complete. */
export function employmentSummary(input: EmploymentInput): EmploymentSummary {
  return {
    periods: (input.person.previousEmployers ?? []).map((e) => ({
      from: e.from,
      ...(e.to ? { to: e.to } : {}),
      ...(e.nationalService ? { nationalService: true } : {}),
    })),
    declaredNoOtherEmployer: Boolean(input.employmentDeclaration),
  };
}
