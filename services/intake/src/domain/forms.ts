import type { NominationInput, RuleProblem } from './candidate-rules';

/**
 * The signed forms this installation uses (their versions), from configuration: a consent or
 * self-declaration can only be recorded against a form that exists, so a client cannot make one up
 * (the console offers these and nothing else).
 */
export interface ConfiguredForms {
  consent: string[];
  selfDeclaration: string[];
  /** The declaration that the candidate had no other employer in the look-back window. */
  employmentDeclaration: string[];
}

/** A comma-separated list from configuration (`UN-HRSP-2024.1, v1`). */
export const formList = (value: string) => [
  ...new Set(
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

export function formProblems(input: Partial<NominationInput>, forms: ConfiguredForms): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.consent && !forms.consent.includes(input.consent.formVersion))
    problems.push({ field: 'consent/formVersion', reason: `is not a configured consent form (${forms.consent.join(', ')})` });
  if (input.selfDeclaration && !forms.selfDeclaration.includes(input.selfDeclaration.formVersion))
    problems.push({
      field: 'selfDeclaration/formVersion',
      reason: `is not a configured self-declaration form (${forms.selfDeclaration.join(', ')})`,
    });
  if (input.employmentDeclaration && !forms.employmentDeclaration.includes(input.employmentDeclaration.formVersion))
    problems.push({
      field: 'employmentDeclaration/formVersion',
      reason: `is not a configured employment declaration form (${forms.employmentDeclaration.join(', ')})`,
    });
  return problems;
}
