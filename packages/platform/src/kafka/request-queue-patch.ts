import { createRequire } from 'node:module';

/**
 * kafkajs 2.2.4 (its last release) re-arms a timer for its request queue after every check, even with
 * nothing pending and no throttle: each broker connection runs a setTimeout loop as fast as the event
 * loop allows (kafkajs#1556, fix proposed in kafkajs#1667, never released). Profiles of idle services
 * here showed it among the busiest functions. Patched at load: with nothing pending and no throttle in
 * force there is nothing to wait for; `push` and a fulfilled request check the queue again themselves.
 */
interface RequestQueue {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const CHECK_PENDING_REQUESTS_INTERVAL = 10; // kafkajs's own value

const RequestQueueClass = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue };

export function scheduleCheckPendingRequests(this: RequestQueue): void {
  if (this.throttleCheckTimeoutId) return;
  let scheduleAt = this.throttledUntil - Date.now();
  if (this.pending.length > 0) scheduleAt = scheduleAt > 0 ? scheduleAt : CHECK_PENDING_REQUESTS_INTERVAL;
  else if (scheduleAt <= 0) return;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, scheduleAt);
}

RequestQueueClass.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
