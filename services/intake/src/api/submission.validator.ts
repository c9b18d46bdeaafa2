import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { PolicyRules } from '@vetting/policy';
import { nominationProblems, type NominationInput, type RuleProblem } from '../domain/candidate-rules';
import { formProblems, type ConfiguredForms } from '../domain/forms';
import { employmentProblems } from '../domain/employment-coverage';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function toProblems(errors: ErrorObject[] | null | undefined): RuleProblem[] {
  return (errors ?? []).map((e) => {
    let field = e.instancePath.replace(/^\//, '');
    let reason = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      field = [field, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('/');
      reason = 'is required';
    }
    if (e.keyword === 'additionalProperties') {
      field = [field, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('/');
      reason = 'is not an allowed field';
    }
    if (e.keyword === 'enum') reason = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    return { field, reason };
  });
}

export type SubmissionCheck = { ok: true; input: NominationInput } | { ok: false; problems: RuleProblem[] };

/**
 * Validates one nomination (a bulk row) against the contract's CandidateSubmission schema, then the
 * rules a schema cannot express. The contract file stays the single source of truth for field shapes.
 */
export function createSubmissionValidator(specPath: string, forms: ConfiguredForms) {
  const spec = parse(readFileSync(specPath, 'utf8')) as { components: Record<string, unknown> };
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false });
  addFormats(ajv);
  const components = JSON.parse(JSON.stringify(spec.components).replaceAll('"#/components/', '"spec#/components/')) as Record<
    string,
    unknown
  >;
  ajv.addSchema({ $id: 'spec', components });
  const validate: ValidateFunction = ajv.compile({ $ref: 'spec#/components/schemas/CandidateSubmission' });
  /** `context`: the uploading office's country and the policy (its employment look-back window). */
  return (row: unknown, now: Date, context: { country: string; policy: Pick<PolicyRules, 'employmentLookbackYears'> }): SubmissionCheck => {
    if (!row || typeof row !== 'object' || Array.isArray(row))
      return { ok: false, problems: [{ field: 'row', reason: 'must be an object' }] };
    if ('country' in row)
      return {
        ok: false,
        problems: [{ field: 'country', reason: 'is not allowed in an upload row: the country comes from your account' }],
      };
    if (!validate(row)) return { ok: false, problems: toProblems(validate.errors) };
    const problems = [
      ...nominationProblems(row as NominationInput, now),
      ...employmentProblems(row as NominationInput, context.country, context.policy, now),
      ...formProblems(row as NominationInput, forms),
    ];
    return problems.length ? { ok: false, problems } : { ok: true, input: row as NominationInput };
  };
}

export type SubmissionValidator = ReturnType<typeof createSubmissionValidator>;
