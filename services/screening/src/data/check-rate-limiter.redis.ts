import { Redis } from 'ioredis';
import { unavailable } from '@vetting/platform';

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
  take(user: string): Promise<{ allowed: boolean; retryAfterMs: number }>;
  close(): Promise<void>;
}

/**
 * Per-user rate limit of ad-hoc checks: `capacity` searches at once, refilled at `perMinute`.
 * Fails closed: without Redis the check answers 503 rather than letting the list be enumerated.
 */
export function createCheckRateLimiter(options: { redisUrl: string; keyPrefix: string; capacity: number; perMinute: number }): RateLimiter {
  // Fail fast (no offline queue, one retry): an outage is a clear 503, never a hanging request.
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on('error', () => undefined); // reported per request below; ioredis reconnects by itself
  const perMs = options.perMinute / 60_000;
  return {
    async take(user) {
      try {
        const [allowed, retry] = (await redis.eval(TOKEN_BUCKET, 1, `${options.keyPrefix}${user}`, options.capacity, perMs)) as [number, number];
        return { allowed: allowed === 1, retryAfterMs: retry };
      } catch (error) {
        throw unavailable('CHECK.RATE_LIMIT_UNAVAILABLE', 'The rate limiter is unavailable; try again shortly', error);
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
