import { Redis } from 'ioredis';
import { unavailable } from '../errors/app-error';

/**
 * Token bucket in one Lua script, so concurrent requests on several instances take tokens atomically.
 * The clock is Redis's own (TIME), so instances with skewed clocks agree. Returns
 * { allowed, retry-after ms }.
 */
const TOKEN_BUCKET = `
local key = KEYS[1]
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', key, 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / perMs)
end
redis.call('HSET', key, 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', key, math.ceil(capacity / perMs) + 1000)
return { allowed, retry }
`;

export interface RateLimiter {
  /** Takes one token of `user`'s bucket; `retryAfterMs` when none is left. */
  take(key: string): Promise<{ allowed: boolean; retryAfterMs: number }>;
  close(): Promise<void>;
}

/**
 * A rate limit per key (user, IP, username): `capacity` requests at once, refilled at `perMinute`.
 * Fails closed: without Redis the caller answers 503 rather than letting a list be enumerated or a
 * password be guessed.
 */
export function createRateLimiter(options: {
  redisUrl: string;
  keyPrefix: string;
  capacity: number;
  perMinute: number;
  /** Problem code when Redis is down. */ unavailableCode?: string;
}): RateLimiter {
  // Fail fast (no offline queue, one retry): an outage is a clear 503, never a hanging request.
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on('error', () => undefined); // reported per request below; ioredis reconnects by itself
  const perMs = options.perMinute / 60_000;
  // Without the offline queue a command sent before the first connection fails: wait for it briefly.
  const connected = () =>
    redis.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('Redis not ready')), 2000);
          redis.once('ready', () => {
            clearTimeout(timer);
            resolve();
          });
        });
  return {
    async take(key) {
      try {
        await connected();
        const [allowed, retry] = (await redis.eval(TOKEN_BUCKET, 1, `${options.keyPrefix}${key}`, options.capacity, perMs)) as [
          number,
          number,
        ];
        return { allowed: allowed === 1, retryAfterMs: retry };
      } catch (error) {
        throw unavailable(options.unavailableCode ?? 'RATE_LIMIT.UNAVAILABLE', 'The rate limiter is unavailable; try again shortly', error);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
