import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, PASSWORD_PARAMS, verifyPassword } from './password-hash';

describe('password hashing (scrypt)', () => {
  it('when a password is hashed, then the event loop keeps turning meanwhile (the work runs on the thread pool)', async () => {
    let turns = 0;
    let hashing = true;
    const spin = () => {
      turns++;
      if (hashing) setImmediate(spin);
    };
    setImmediate(spin);
    await hashPassword('correct horse battery staple');
    hashing = false;
    expect(turns).toBeGreaterThan(1);
  });

  it('when the right and a wrong password are checked, then only the right one verifies, at the stored cost', async () => {
    const stored = await hashPassword('s3cret-pass');
    expect(stored.passwordParams).toEqual(PASSWORD_PARAMS);
    expect(await verifyPassword(stored, 's3cret-pass')).toBe(true);
    expect(await verifyPassword(stored, 's3cret-pasS')).toBe(false);
    expect(await verifyPassword(undefined, 's3cret-pass')).toBe(false);
  });

  it('when a hash was made at a lower cost than today’s, then it still verifies and is marked for an upgrade', async () => {
    const salt = 'ab'.repeat(16);
    const lower = { N: 16384, r: 8, p: 1 };
    const legacy = { salt, passwordHash: scryptSync('old-pass', salt, 32, lower).toString('hex'), passwordParams: lower };
    expect(await verifyPassword(legacy, 'old-pass')).toBe(true);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(await hashPassword('old-pass'))).toBe(false);
  });
});
