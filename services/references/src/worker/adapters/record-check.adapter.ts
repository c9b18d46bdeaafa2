import type { OpenedCheck } from '../../domain/check';
import type { CheckType } from '../../domain/check-policy';
import { RetriableCheckError, type AdapterAnswer, type AdapterRequest, type CheckAdapter } from './check-adapter';
import { postJson } from './http-call';

const RESULTS = new Set(['no-adverse', 'adverse']);

/** Reads an authority's answer; anything unexpected is treated as malformed (retried). */
export function parseAuthorityAnswer(status: number, json: unknown): AdapterAnswer {
  const body = (json ?? {}) as { externalRef?: unknown; result?: unknown };
  if (typeof body.externalRef !== 'string' || !body.externalRef) throw new RetriableCheckError('the answer has no externalRef');
  if (status === 202) return { kind: 'accepted', externalRef: body.externalRef };
  if (typeof body.result !== 'string' || !RESULTS.has(body.result)) throw new RetriableCheckError('the answer has no valid result');
  return { kind: 'result', result: body.result as 'no-adverse' | 'adverse', externalRef: body.externalRef };
}

/**
 * National criminal record, military/police disciplinary record (the sending country's
 * authorities) and UN records (misconduct case records and the system-wide screening database):
 * the same request shape to different endpoints.
 */
export function createRecordCheckAdapter(endpoint: string): CheckAdapter {
  return {
    async send(check: OpenedCheck, request: AdapterRequest) {
      const { status, json } = await postJson(
        endpoint,
        {
          checkId: check.checkId,
          country: check.country,
          person: {
            names: [{ full: check.subject.name }],
            ...(check.subject.dateOfBirth ? { dateOfBirth: check.subject.dateOfBirth } : {}),
            ...(check.subject.serviceNumber ? { serviceNumber: check.subject.serviceNumber } : {}),
          },
          consent: 'recorded-at-nomination',
          callbackUrl: request.callbackUrl,
        },
        request.signal,
      );
      return parseAuthorityAnswer(status, json);
    },
  };
}

export function recordEndpoints(config: {
  NATIONAL_RECORDS_URL: string;
  UN_RECORDS_URL: string;
}): Record<Exclude<CheckType, 'misconduct-disclosure'>, string> {
  return {
    'national-criminal-record': `${config.NATIONAL_RECORDS_URL}/criminal-record`,
    'disciplinary-record': `${config.NATIONAL_RECORDS_URL}/disciplinary-record`,
    'un-records': `${config.UN_RECORDS_URL}/checks`,
  };
}
