import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N (CPU/memory), r (block size), p (parallelism). */
export interface PasswordParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet lists equivalent scrypt minimums (N=2^17 r=8 p=1 … N=2^13
 * r=8 p=10). N=2^15, r=8, p=3 is one of them and needs 32 MiB per hash (128·N·r): with libuv's four
 * threads, at most 128 MiB at once in the gateway, where N=2^17 would need 512 MiB.
 */
export const PASSWORD_PARAMS: Readonly<PasswordParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });

const KEY_BYTES = 32;

/** scrypt on libuv's thread pool: a sign-in never blocks the event loop (other requests go on meanwhile). */
function scryptAsync(password: string, salt: string, params: PasswordParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, { ...params, maxmem: 256 * params.N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export interface StoredPassword {
  salt: string;
  passwordHash: string;
  /** The cost the hash was made with: a hash below today's is upgraded at the next sign-in (`needsRehash`). */
  passwordParams: PasswordParams;
}

export async function hashPassword(password: string): Promise<StoredPassword> {
  const salt = randomBytes(16).toString('hex');
  const key = await scryptAsync(password, salt, PASSWORD_PARAMS);
  return { salt, passwordHash: key.toString('hex'), passwordParams: { ...PASSWORD_PARAMS } };
}

/**
 * Checks a password in constant time. Without a stored password (an unknown user) a hash is still
 * computed at today's cost, so the answer takes as long as for a wrong password.
 */
export async function verifyPassword(stored: StoredPassword | undefined, password: string): Promise<boolean> {
  const params = stored ? stored.passwordParams : PASSWORD_PARAMS;
  const actual = await scryptAsync(password, stored?.salt ?? 'no-such-user', params);
  const expected = Buffer.from(stored?.passwordHash ?? '00'.repeat(KEY_BYTES), 'hex');
  return Boolean(stored) && expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash made below today's cost, to be replaced after the next successful sign-in. */
export const needsRehash = (stored: StoredPassword) => {
  const p = stored.passwordParams;
  return p.N < PASSWORD_PARAMS.N || p.r < PASSWORD_PARAMS.r || p.p < PASSWORD_PARAMS.p;
};
