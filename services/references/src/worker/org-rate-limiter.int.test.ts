import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomName, testInfra } from '@vetting/platform/testing';
import { createOrgRateLimiter } from './org-rate-limiter';

describe('organisation rate limiter (real Redis)', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis((await testInfra()).redisUrl);
  });
  afterAll(() => void redis.disconnect());

  it('when an organisation’s burst is used up, then the next request waits about one token’s time, and other organisations are not held', async () => {
    // One token a second: a loaded machine taking 100 ms between takes must not refill the bucket (10/s did, in a CI beside a bench).
    const limiter = createOrgRateLimiter(redis, { prefix: randomName('rl'), perSecond: 1, burst: 3 });
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await limiter.take('national-records-GH'));
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(0);
    expect(waits[3]).toBeLessThanOrEqual(1000);
    expect(await limiter.take('un-records')).toBe(0);
  });

  it('when an organisation answered 429, then every worker waits out its Retry-After', async () => {
    const options = { prefix: randomName('rl'), perSecond: 100, burst: 100 };
    await createOrgRateLimiter(redis, options).pause('hr-aid-org', 2000);
    // Another worker's limiter (same Redis, same prefix) sees the pause.
    const wait = await createOrgRateLimiter(redis, options).take('hr-aid-org');
    expect(wait).toBeGreaterThan(1500);
    expect(wait).toBeLessThanOrEqual(2000);
  });
});
