import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { scheduleCheckPendingRequests } from './request-queue-patch';
import './kafka-client';

const queue = (pending: unknown[], throttledUntil: number) => {
  let checks = 0;
  const q = { pending, throttledUntil, throttleCheckTimeoutId: null as NodeJS.Timeout | null, checkPendingRequests: () => void checks++ };
  return { q, checks: () => checks };
};

describe('kafkajs request queue patch', () => {
  it('when the kafka client is loaded, then kafkajs request queues use the patched scheduler', () => {
    const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as {
      prototype: { scheduleCheckPendingRequests: unknown };
    };
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(scheduleCheckPendingRequests);
  });

  it('when nothing is pending and nothing throttled, then no timer is armed (the idle loop of kafkajs#1556)', () => {
    const { q } = queue([], -1);
    scheduleCheckPendingRequests.call(q as never);
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('when a request is pending or a throttle is in force, then the queue is checked again later', async () => {
    const pending = queue([{}], -1);
    scheduleCheckPendingRequests.call(pending.q as never);
    expect(pending.q.throttleCheckTimeoutId).not.toBeNull();
    const throttled = queue([], Date.now() + 20);
    scheduleCheckPendingRequests.call(throttled.q as never);
    expect(throttled.q.throttleCheckTimeoutId).not.toBeNull();
    await new Promise((r) => setTimeout(r, 60));
    expect(pending.checks()).toBe(1);
    expect(throttled.checks()).toBe(1);
  });
});
