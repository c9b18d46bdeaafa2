import { describe, expect, it } from 'vitest';
import { signBody } from '@vetting/simulators';
import { validSignature } from './receive-callback.use-case';

describe('callback signatures', () => {
  it('when the body or the secret differ, then the signature is refused', () => {
    const body = '{"externalRef":"r","result":"no-adverse"}';
    expect(validSignature('s'.repeat(16), Buffer.from(body), signBody('s'.repeat(16), body))).toBe(true);
    expect(validSignature('s'.repeat(16), Buffer.from(`${body} `), signBody('s'.repeat(16), body))).toBe(false);
    expect(validSignature('t'.repeat(16), Buffer.from(body), signBody('s'.repeat(16), body))).toBe(false);
    expect(validSignature('s'.repeat(16), Buffer.from(body), 'sha256=zz')).toBe(false);
    expect(validSignature('s'.repeat(16), Buffer.from(body), undefined)).toBe(false);
  });
});
