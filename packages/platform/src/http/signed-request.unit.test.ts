import { describe, expect, it } from 'vitest';
import { parseSecretMap, secretFor, signRequest, verifySignedRequest } from './signed-request';

const secret = 's'.repeat(32);
const request = { method: 'POST', path: '/callbacks/c-1.1.un-records', body: '{"externalRef":"x","result":"no-adverse"}' };
const now = Date.UTC(2026, 0, 1, 12);

describe('signed requests between organisations', () => {
  it('when the request is signed with the secret, then it verifies, and the signature is given back to be accepted once', () => {
    const header = signRequest(secret, request, now);
    const check = verifySignedRequest(secret, request, header, { nowMs: now + 1000 });
    expect(check).toMatchObject({ ok: true, timestamp: now / 1000 });
  });

  it('when the body, the path, the method or the secret differ, then it does not verify', () => {
    const header = signRequest(secret, request, now);
    const variants = [
      { ...request, body: `${request.body} ` },
      { ...request, path: '/callbacks/c-2.1.un-records' },
      { ...request, method: 'PUT' },
    ];
    for (const v of variants)
      expect(verifySignedRequest(secret, v, header, { nowMs: now })).toEqual({ ok: false, reason: 'does not match the request' });
    expect(verifySignedRequest('t'.repeat(32), request, header, { nowMs: now }).ok).toBe(false);
  });

  it('when the timestamp is outside the window, or the header is malformed, then it does not verify', () => {
    const header = signRequest(secret, request, now);
    expect(verifySignedRequest(secret, request, header, { nowMs: now + 301_000 })).toEqual({
      ok: false,
      reason: 'is outside the accepted time window',
    });
    for (const bad of [undefined, '', 'sha256=00', `t=${now / 1000}`, 't=x,v1=00'])
      expect(verifySignedRequest(secret, request, bad, { nowMs: now }).ok).toBe(false);
  });

  it('when secrets are given per organisation, then each has its own and `*` stands for the others; short ones are refused', () => {
    const map = parseSecretMap(`UN=${'u'.repeat(32)}, GH-records=${'g'.repeat(40)},*=${'w'.repeat(32)}`);
    expect(secretFor(map, 'UN')).toBe('u'.repeat(32));
    expect(secretFor(map, 'NP-records')).toBe('w'.repeat(32));
    expect(secretFor(parseSecretMap(`UN=${'u'.repeat(32)}`), 'NP-records')).toBeUndefined();
    expect(() => parseSecretMap('UN=short')).toThrow(/at least 32/);
    expect(() => parseSecretMap(`UN=${'u'.repeat(32)},UN=${'v'.repeat(32)}`)).toThrow(/twice/);
  });
});
