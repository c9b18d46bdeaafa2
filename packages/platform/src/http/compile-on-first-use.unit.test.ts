import { readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import { loadEventSchemas, openapiDir } from '@vetting/contracts';
import { AppError } from '../errors/app-error';
import { createEvent } from '../kafka/envelope';
import { createEventValidator } from '../kafka/event-validator';
import { compileOnFirstUse } from './compile-on-first-use';
import { OpenApiValidator } from './openapi-validator';

describe('validators compiled on first use', () => {
  it('when a validator is made, then its schema is compiled only at its first call, once, and errors tell why the last call failed', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const compile = vi.spyOn(ajv, 'compile');
    const validate = compileOnFirstUse(ajv, { type: 'object', required: ['country'], properties: { country: { type: 'string' } } });
    expect(compile).not.toHaveBeenCalled();
    expect(validate({})).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ missingProperty: 'country' });
    expect(validate({ country: 'GH' })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('when every OpenAPI document is loaded and each of its validators called, then every schema compiles', () => {
    const documents = readdirSync(openapiDir).filter((f) => f.endsWith('.yaml'));
    expect(documents.length).toBeGreaterThan(5);
    let compiled = 0;
    for (const document of documents) {
      const validator = new OpenApiValidator(`${openapiDir}${document}`);
      for (const op of validator.operations) {
        // A schema ajv cannot compile throws here, as it threw at start when every schema was compiled eagerly.
        for (const validate of [op.validateBody, op.validateQuery, op.validatePath, op.validateHeaders, ...op.responses.values()]) {
          if (!validate) continue;
          expect(typeof validate({})).toBe('boolean');
          compiled++;
        }
      }
    }
    expect(compiled).toBeGreaterThan(100);
  });

  it('when every event type is validated once, then every data and personal schema compiles', () => {
    const validator = createEventValidator();
    const types = Object.keys(loadEventSchemas());
    expect(types.length).toBeGreaterThan(10);
    const refusedOrPassed = (check: () => void) => {
      try {
        check();
        return true;
      } catch (error) {
        // A contract violation is an AppError; a schema that does not compile throws ajv's own error.
        return error instanceof AppError;
      }
    };
    for (const type of types) {
      expect(
        refusedOrPassed(() => validator.assertValid(createEvent('test', { type, subject: 's1', data: {} }))),
        type,
      ).toBe(true);
      if (validator.hasPersonal(type))
        expect(
          refusedOrPassed(() => validator.assertValidPersonal(type, {})),
          type,
        ).toBe(true);
    }
  });
});
