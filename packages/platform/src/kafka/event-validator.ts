import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { envelopeSchema, loadEventSchemas } from '@vetting/contracts';
import { AppError } from '../errors/app-error';
import { compileOnFirstUse, type Validator } from '../http/compile-on-first-use';
import { toFieldProblems } from '../http/openapi-validator';
import type { EventEnvelope } from './envelope';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface EventValidator {
  /** Throws a non-retriable AppError naming the field when the event breaks its contract. */
  assertValid(event: unknown): asserts event is EventEnvelope;
  knows(type: string): boolean;
  /** Whether the type has a sealed personal block (`x-personal` in its schema). */
  hasPersonal(type: string): boolean;
  /** Throws a non-retriable AppError naming the field (never the value) when an opened block breaks `x-personal`. */
  assertValidPersonal(type: string, value: unknown): void;
}

/** Validates envelopes and each type's data against contracts/events, on produce and on consume (each type's schema compiled on first use). */
export function createEventValidator(schemas: Record<string, Record<string, unknown>> = loadEventSchemas()): EventValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const envelope = ajv.compile(envelopeSchema);
  const byType = new Map<string, Validator>(Object.entries(schemas).map(([t, s]) => [t, compileOnFirstUse(ajv, s)]));
  const personal = new Map<string, Validator>(
    Object.entries(schemas)
      .filter(([, s]) => s['x-personal'])
      .map(([t, s]) => [t, compileOnFirstUse(ajv, { ...(s['x-personal'] as Record<string, unknown>), $defs: s.$defs })]),
  );
  return {
    knows: (type) => byType.has(type),
    hasPersonal: (type) => personal.has(type),
    assertValidPersonal(type, value) {
      const validate = personal.get(type);
      if (!validate) throw new AppError('EVENT.NO_PERSONAL', `${type} has no sealed personal block`);
      if (!validate(value))
        throw new AppError('EVENT.INVALID_PERSONAL', `The personal block of ${type} breaks its schema`, {
          errors: toFieldProblems('/data/personal(opened)', validate.errors),
        });
    },
    assertValid(event: unknown): asserts event is EventEnvelope {
      if (!envelope(event))
        throw new AppError('EVENT.INVALID_ENVELOPE', 'The event envelope is invalid', { errors: toFieldProblems('', envelope.errors) });
      const validate = byType.get(event.type as string);
      if (!validate) throw new AppError('EVENT.UNKNOWN_TYPE', `No schema for event type ${String(event.type)}`);
      if (!validate(event.data))
        throw new AppError('EVENT.INVALID_DATA', `The data of ${String(event.type)} breaks its schema`, {
          errors: toFieldProblems('/data', validate.errors),
        });
    },
  };
}
