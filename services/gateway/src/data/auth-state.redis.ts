import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Redis } from 'ioredis';
import { unavailable } from '@vetting/platform';

/**
 * Progressive delay per key, atomically (one Lua script, Redis's clock). An attempt before the key's
 * next allowed time is refused with the wait; otherwise it is counted as a failure at once (so a
 * burst of parallel guesses gets one through, not all) and the next allowed time moves out:
 * nothing for the first `free` failures, then 1 s, 2 s, 4 s … up to `maxMs`. A success clears the key.
 */
const RESERVE = `
local key = KEYS[1]
local free = tonumber(ARGV[1])
local maxMs = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', key, 'n', 'next')
local n = tonumber(state[1]) or 0
local nextAt = tonumber(state[2]) or 0
if now < nextAt then return { 0, nextAt - now } end
n = n + 1
local delay = 0
if n > free then delay = math.min(maxMs, 1000 * 2 ^ (n - free - 1)) end
redis.call('HSET', key, 'n', n, 'next', now + delay)
redis.call('PEXPIRE', key, windowMs + delay)
return { 1, 0 }
`;

/** Accepts a TOTP time step only if it is later than the last one accepted for the account. */
const LATER_STEP = `
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
local step = tonumber(ARGV[1])
if step <= last then return 0 end
redis.call('SET', KEYS[1], step, 'PX', ARGV[2])
return 1
`;

/**
 * Rotates a session's refresh token when the presented one is its current one; any other (an
 * older, already rotated one: a stolen copy used after the owner refreshed, or the reverse) ends
 * the session. Returns 1 rotated, 0 unknown or ended.
 */
const ROTATE = `
local current = redis.call('HGET', KEYS[1], 'refresh')
if not current then return 0 end
if current ~= ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 0
end
redis.call('HSET', KEYS[1], 'refresh', ARGV[2])
return 1
`;

export interface Session {
  sid: string;
  username: string;
  /** Epoch ms after which the session cannot be refreshed (absolute lifetime). */
  endsAt: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * What sign-in keeps in Redis (AOF, failing closed: without it nobody signs in or refreshes): the
 * sessions with the hash of their current refresh token, each account's sessions, the progressive
 * sign-in delays, the last TOTP step each account used.
 */
export function createAuthState(options: { redisUrl: string; keyPrefix: string }) {
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  const ready = () =>
    redis.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('Redis not ready')), 2000);
          redis.once('ready', () => (clearTimeout(timer), resolve()));
        });
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      await ready();
      return await fn();
    } catch (error) {
      throw unavailable('AUTH.STATE_UNAVAILABLE', 'Sign-in is unavailable for a moment; try again shortly', error);
    }
  };
  const k = (...parts: string[]) => `${options.keyPrefix}${parts.join(':')}`;
  return {
    /** Reserves an attempt for `key` (see RESERVE); `waitMs` > 0 when it must wait. */
    reserveAttempt: (key: string, free: number, maxMs: number, windowMs: number) =>
      guard(async () => {
        const [allowed, waitMs] = (await redis.eval(RESERVE, 1, k('delay', key), free, maxMs, windowMs)) as [number, number];
        return { allowed: allowed === 1, waitMs };
      }),
    clearAttempts: (key: string) => guard(async () => void (await redis.del(k('delay', key)))),
    /** True when `step` is later than the last TOTP step the account used (a code works once). */
    useTotpStep: (username: string, step: number) =>
      guard(async () => (await redis.eval(LATER_STEP, 1, k('totp', username), step, 24 * 3600 * 1000)) === 1),

    /** Starts a session; returns it and its first refresh token (`<sid>.<secret>`, only the hash kept). */
    startSession: (username: string, ttlMs: number) =>
      guard(async () => {
        const sid = randomBytes(16).toString('base64url');
        const secret = randomBytes(32).toString('base64url');
        const endsAt = Date.now() + ttlMs;
        await redis
          .multi()
          .hset(k('session', sid), { username, endsAt: String(endsAt), refresh: sha256(secret) })
          .pexpire(k('session', sid), ttlMs)
          .sadd(k('sessions', username), sid)
          .pexpire(k('sessions', username), ttlMs)
          .exec();
        return { session: { sid, username, endsAt } satisfies Session, refreshToken: `${sid}.${secret}` };
      }),
    /** Swaps a refresh token for the next one; undefined when the token is not the session's current one (the session then ends). */
    rotate: (refreshToken: string) =>
      guard(async () => {
        const [sid, secret] = refreshToken.split('.');
        if (!sid || !secret) return undefined;
        const next = randomBytes(32).toString('base64url');
        const rotated = (await redis.eval(ROTATE, 1, k('session', sid), sha256(secret), sha256(next))) === 1;
        if (!rotated) return undefined;
        const fields = await redis.hgetall(k('session', sid));
        if (!fields.username) return undefined;
        return {
          session: { sid, username: fields.username, endsAt: Number(fields.endsAt) } satisfies Session,
          refreshToken: `${sid}.${next}`,
        };
      }),
    /** Whether a session is still open (a token's `sid`). */
    isOpen: (sid: string) => guard(async () => (await redis.exists(k('session', sid))) === 1),
    /** Ends one session, if the refresh token is really its own. */
    end: (refreshToken: string) =>
      guard(async () => {
        const [sid, secret] = refreshToken.split('.');
        if (!sid || !secret) return;
        const current = await redis.hget(k('session', sid), 'refresh');
        if (current && timingSafeEqual(Buffer.from(current), Buffer.from(sha256(secret)))) await redis.del(k('session', sid));
      }),
    /** Ends every session of an account (disabled, second factor reset). */
    endAll: (username: string) =>
      guard(async () => {
        const sids = await redis.smembers(k('sessions', username));
        if (sids.length) await redis.del(...sids.map((sid) => k('session', sid)));
        await redis.del(k('sessions', username));
      }),
    close: async () => void redis.disconnect(),
  };
}

export type AuthState = ReturnType<typeof createAuthState>;
