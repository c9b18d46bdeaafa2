import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** A JSON Schema check: true when valid, else `errors` says why (as ajv's validate functions). */
export interface Validator {
  (data: unknown): boolean;
  readonly errors: ErrorObject[] | null | undefined;
}

/**
 * The validator of `schema`, compiled by `ajv` the first time it is called. Compiling every operation's
 * and every event type's schemas when a process starts cost about a second of CPU per service process
 * (docs/decisions/test-suite-time.md), most of it for schemas the process never uses; the checks are the
 * same, only their compilation waits until needed. Every schema is still compiled by the contract tests.
 */
export function compileOnFirstUse(ajv: Ajv2020, schema: object): Validator {
  let compiled: ValidateFunction | undefined;
  const validate = (data: unknown): boolean => {
    compiled ??= ajv.compile(schema);
    return Boolean(compiled(data));
  };
  Object.defineProperty(validate, 'errors', { get: () => compiled?.errors });
  return validate as Validator;
}
