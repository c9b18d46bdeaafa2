import { describe, expect, it } from 'vitest';
import { RetriableCheckError } from './check-adapter';
import { describeError } from '@vetting/platform';
import { postJson, refusalMessage, retryAfterMs } from './http-call';
import { parseAuthorityAnswer } from './record-check.adapter';

describe('talking to authorities', () => {
  it('when Retry-After is seconds, a date or nonsense, then the wait is read from it (one second by default)', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(retryAfterMs('soon')).toBe(1000);
    expect(retryAfterMs(null)).toBe(1000);
  });

  it('when an authority cannot be reached, then the recorded reason keeps the cause: a bad port says "bad port"', async () => {
    const error = await postJson('http://127.0.0.1:4190/checks', {}, AbortSignal.timeout(5000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetriableCheckError);
    expect(describeError(error)).toMatch(/^cannot reach 127\.0\.0\.1:4190: fetch failed: .*bad port/);
  });

  it('when an answer lacks its reference or result, then it is malformed and retried', () => {
    expect(() => parseAuthorityAnswer(200, { result: 'no-adverse' })).toThrow(RetriableCheckError);
    expect(() => parseAuthorityAnswer(200, { externalRef: 'r', result: 'fine' })).toThrow(RetriableCheckError);
    expect(parseAuthorityAnswer(202, { externalRef: 'r' })).toEqual({ kind: 'accepted', externalRef: 'r' });
    expect(parseAuthorityAnswer(200, { externalRef: 'r', result: 'adverse' })).toEqual({
      kind: 'result',
      result: 'adverse',
      externalRef: 'r',
    });
  });

  it('when an authority refuses a request, then only its status and error code are kept, never its text (it may quote the person)', () => {
    expect(
      refusalMessage('un.example', 422, JSON.stringify({ code: 'PERSON.INVALID', detail: 'No record for Kwame Mensah, born 1988-03' })),
    ).toBe('un.example refused the request (422) PERSON.INVALID');
    expect(refusalMessage('un.example', 400, 'Kwame Mensah is not a valid name')).toBe('un.example refused the request (400)');
    expect(refusalMessage('un.example', 400, JSON.stringify({ code: 'Kwame Mensah is unknown' }))).toBe(
      'un.example refused the request (400)',
    );
  });
});
