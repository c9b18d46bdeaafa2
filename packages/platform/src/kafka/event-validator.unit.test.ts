import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { opaqueSealed } from '../testing/opaque-sealed';
import { createEvent } from './envelope';
import { createEventValidator, type EventValidator } from './event-validator';

describe('event validator', () => {
  const validator: EventValidator = createEventValidator();
  const withdrawn = (data: Record<string, unknown>) => createEvent('intake', { type: 'candidate.withdrawn', subject: 'c1', data });

  it('when an event matches its contract, then it passes', () => {
    expect(() =>
      validator.assertValid(withdrawn({ candidateId: 'c1', country: 'GH', personal: opaqueSealed('c1', 'unit rotated') })),
    ).not.toThrow();
  });

  it('when the data breaks the schema, then a non-retriable error names the field', () => {
    try {
      validator.assertValid(withdrawn({ candidateId: 'c1', country: 'Ghana', personal: opaqueSealed('c1') }));
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).retriable).toBe(false);
      expect((error as AppError).errors[0]?.field).toBe('/data/country');
    }
  });

  it('when the envelope lacks a correlation id or the type is unknown, then it is refused', () => {
    const event = withdrawn({ candidateId: 'c1', country: 'GH', personal: opaqueSealed('c1') }) as unknown as Record<string, unknown>;
    expect(() => validator.assertValid({ ...event, correlationid: undefined })).toThrow(/envelope/);
    expect(() => validator.assertValid({ ...event, type: 'candidate.teleported' })).toThrow(/No schema/);
  });
});
