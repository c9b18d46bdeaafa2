import { Redis } from 'ioredis';
import type { Logger, Stop } from '@vetting/platform';

/**
 * The worker process stores check results whose events the service's outbox relay publishes. Without
 * a word from the worker the relay would only find them at its next poll; the worker says so through
 * Redis (which both already use) and the relay runs at once. A lost message costs one poll interval,
 * never an event: the relay still polls.
 */
const channel = (prefix: string) => `${prefix}:outbox-kick`;

/**
 * The worker's side: one publish in flight at a time, and one more after it when results arrived
 * meanwhile (a Redis outage queues one message, not one per result).
 */
export function createOutboxKickSender(redis: Redis, prefix: string, logger: Logger): () => void {
  let sending = false;
  let again = false;
  const send = () => {
    sending = true;
    again = false;
    redis
      .publish(channel(prefix), '1')
      .catch((error: unknown) => logger.debug({ err: error }, 'outbox kick not sent; the relay polls'))
      .finally(() => (again ? send() : (sending = false)));
  };
  return () => (sending ? (again = true) : send());
}

/**
 * The service's side: kicks its relay on every message; returns the stop. Not awaited: the service
 * starts (and answers) while Redis is down, and ioredis subscribes again whenever it reconnects.
 */
export function listenForOutboxKicks(redisUrl: string, prefix: string, kick: () => void, logger: Logger): Stop {
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
  subscriber.on('error', (error) => logger.debug({ err: error }, 'outbox kick listener: Redis unavailable; the relay polls'));
  subscriber.on('message', () => kick());
  subscriber.subscribe(channel(prefix)).catch((error: unknown) => logger.warn({ err: error }, 'outbox kick listener not subscribed; the relay polls'));
  return async () => void subscriber.disconnect();
}
