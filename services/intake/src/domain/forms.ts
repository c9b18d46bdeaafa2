import type { NominationInput, RuleProblem } from './candidate-rules';

/**
 * The signed forms this installation uses (their versions), from configuration: a consent or
 * self-declaration can only be recorded against a form that exists, so a client cannot make one up
 * (the console offers these and nothing else).
 */
export interface ConfiguredForms {
  consent: string[];
  selfDeclaration: string[];
}

/** A comma-separated list from configuration (`UN-HRSP-2024.1, v1`). */
export const formList = (value: string) => [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];

export function formProblems(input: Partial<NominationInput>, forms: ConfiguredForms): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.consent && !forms.consent.includes(input.consent.formVersion))
    problems.push({ field: 'consent/formVersion', reason: `is not a configured consent form (${forms.consent.join(', ')})` });
  if (input.selfDeclaration && !forms.selfDeclaration.includes(input.selfDeclaration.formVersion))
    problems.push({ field: 'selfDeclaration/formVersion', reason: `is not a configured self-declaration form (${forms.selfDeclaration.join(', ')})` });
  return problems;
}
