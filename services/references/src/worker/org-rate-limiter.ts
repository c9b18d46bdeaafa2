import type { Redis } from 'ioredis';

// Token bucket per organisation, atomic in Redis so every worker process shares it.
// Returns 0 when a token was taken, else the milliseconds to wait. A 429 from the organisation
// pauses its bucket for the Retry-After period (ARGV[4]).
const TAKE = `
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local pause = tonumber(ARGV[4])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'paused')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
local paused = tonumber(b[3]) or 0
if pause > 0 then
  paused = math.max(paused, now + pause)
  redis.call('HSET', KEYS[1], 'paused', paused)
  redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + pause + 1000)
  return pause
end
if paused > now then return paused - now end
tokens = math.min(burst, tokens + (now - ts) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return wait
`;

export interface OrgRateLimiter {
  /** 0 when the request may go now; otherwise how long to wait (ms). */
  take(organisation: string): Promise<number>;
  /** The organisation answered 429: nobody asks it again for `ms`. */
  pause(organisation: string, ms: number): Promise<void>;
}

type WithTake = Redis & { vettingOrgTake(key: string, perSecond: number, burst: number, now: number, pause: number): Promise<number> };

export function createOrgRateLimiter(redis: Redis, options: { prefix: string; perSecond: number; burst: number }): OrgRateLimiter {
  const key = (org: string) => `${options.prefix}:org-rate:${org}`;
  // A defined command runs by its SHA (EVALSHA, loading the script once): EVAL sent the whole script with every check.
  if (!('vettingOrgTake' in redis)) redis.defineCommand('vettingOrgTake', { numberOfKeys: 1, lua: TAKE });
  const run = (org: string, pause: number) =>
    (redis as WithTake).vettingOrgTake(key(org), options.perSecond, options.burst, Date.now(), pause);
  return {
    take: (org) => run(org, 0),
    pause: async (org, ms) => void (await run(org, Math.max(1, Math.round(ms)))),
  };
}
