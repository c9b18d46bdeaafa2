import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  connectMongo,
  createEventPublisher,
  createEventValidator,
  createKafka,
  createLogger,
  createMetrics,
  createOutboxRelay,
  describeError,
  kafkaSecurityOf,
  refuseInProduction,
  startPeriodicTask,
  type Logger,
  type Stop,
} from '@vetting/platform';
import { referencesUnsafeSettings, type ReferencesConfig } from '../config';
import { CHECK_TYPES, type CheckType } from '../domain/check-policy';
import { createReferencesContext } from '../references-context';
import type { CheckAdapter } from './adapters/check-adapter';
import { createDisclosureRequestAdapter } from './adapters/disclosure-request.adapter';
import { createRecordCheckAdapter, recordEndpoints } from './adapters/record-check.adapter';
import { createCheckProcessor } from './check.processor';
import { createOrgRateLimiter } from './org-rate-limiter';
import { checkBackoffStrategy, checkQueueName, TIMER_QUEUE } from './queues';
import { purgeExpiredAnswers } from '../use-cases/erase-answers.use-case';
import { startSweeper } from '../jobs/sweep.job';
import { createTimerProcessor } from './timer.processor';
import { serveWorkerMetrics } from './worker-metrics';

/**
 * Starts the check workers (one BullMQ worker per check type), the timer worker, the sweeper and
 * the outbox relay of what they write. Runs as its own process (src/worker/main.ts) beside the HTTP
 * service. The relay is its own: its writers hand their revisions to it in memory, and it clears
 * them in bulk; a relay in another process would see them only by polling, and would leave them to
 * their writer for the write grace (see WRITE_GRACE_MS) before publishing them.
 */
export async function startReferencesWorker(config: ReferencesConfig, overrides: { logger?: Logger } = {}) {
  // The worker publishes what it writes (its own relay): Kafka must be as safe as the service's.
  refuseInProduction(config, referencesUnsafeSettings(config));
  const logger = overrides.logger ?? createLogger(`${config.SERVICE_NAME}-worker`, config.LOG_LEVEL);
  const metrics = createMetrics(`${config.SERVICE_NAME}-worker`);
  const db = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    logger,
    onCommand: (command, ok, collection) => metrics.dbCommands.inc({ command, outcome: ok ? 'ok' : 'failed', collection }),
  });
  // The workers go on (send, publish) once a check's revision is stored; its view row follows.
  const ctx = await createReferencesContext(config, db, () => config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`, {
    checkViewsInBackground: true,
  });
  // The service's Kafka principal: the worker publishes the service's own events.
  const kafka = createKafka({
    clientId: `${config.SERVICE_NAME}-worker`,
    brokers: config.KAFKA_BROKERS,
    logger,
    ...kafkaSecurityOf(config),
  });
  const publisher = createEventPublisher({ kafka, validator: createEventValidator(), topicPrefix: config.TOPIC_PREFIX });
  await publisher.connect();
  const relay = createOutboxRelay({
    collections: [ctx.checks.revisions, ...ctx.sets.collections],
    publisher,
    logger,
    metrics,
    pollMs: config.OUTBOX_POLL_MS,
  });
  relay.start();
  ctx.onEvents = () => relay.kick();
  // Workers block on Redis: ioredis must retry forever (maxRetriesPerRequest: null).
  const redis = () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const limiterRedis = redis();
  limiterRedis.on('error', () => undefined);
  const limiter = createOrgRateLimiter(limiterRedis, {
    prefix: config.QUEUE_PREFIX,
    perSecond: config.ORG_RATE_PER_SECOND,
    burst: config.ORG_RATE_BURST,
  });
  const endpoints = recordEndpoints(config);
  const adapters: Record<CheckType, CheckAdapter> = {
    'misconduct-disclosure': createDisclosureRequestAdapter(`${config.EMPLOYER_HR_URL}/disclosure-requests`),
    'national-criminal-record': createRecordCheckAdapter(endpoints['national-criminal-record']),
    'disciplinary-record': createRecordCheckAdapter(endpoints['disciplinary-record']),
    'un-records': createRecordCheckAdapter(endpoints['un-records']),
  };
  const options = {
    prefix: config.QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.LOCK_DURATION_MS,
    stalledInterval: config.STALLED_INTERVAL_MS,
    maxStalledCount: config.MAX_STALLED_COUNT,
  };
  const processCheck = createCheckProcessor({ ctx, adapters, limiter, logger });
  const settings = { backoffStrategy: checkBackoffStrategy(config.CHECK_BACKOFF_MS) };
  const workers: Worker[] = CHECK_TYPES.map(
    (type) => new Worker(checkQueueName(type), processCheck, { ...options, settings, connection: redis() }) as unknown as Worker,
  );
  workers.push(new Worker(TIMER_QUEUE, createTimerProcessor(ctx), { ...options, connection: redis() }) as unknown as Worker);
  for (const worker of workers) {
    worker.on('error', (error) => logger.warn({ err: error, queue: worker.name }, 'worker error'));
    worker.on('failed', (job, error) =>
      logger.info({ jobId: job?.id, queue: worker.name, attemptsMade: job?.attemptsMade, err: describeError(error) }, 'attempt failed'),
    );
    worker.on('stalled', (jobId) => logger.warn({ jobId, queue: worker.name }, 'job stalled; it runs again'));
  }
  const sweeper = startSweeper(ctx, logger, config.SWEEP_INTERVAL_MS);
  // Each changed record is a reference set whose referee answers passed retention and were erased.
  const retention = startPeriodicTask('retention purge', config.RETENTION_INTERVAL_MS, logger, () =>
    purgeExpiredAnswers(ctx, config.ANSWER_RETENTION_DAYS),
  );
  const served =
    config.WORKER_METRICS_PORT === undefined
      ? undefined
      : await serveWorkerMetrics(metrics, config.WORKER_METRICS_PORT, config.WORKER_METRICS_HOST);
  logger.info({ queues: workers.map((w) => w.name), metricsPort: served?.port }, 'references workers running');
  const stops: Stop[] = [
    () => db.close(),
    () => publisher.disconnect(),
    () => relay.stop(),
    () => ctx.producer.close(),
    async () => void limiterRedis.disconnect(),
    () => Promise.all(workers.map((w) => w.close())).then(() => undefined),
    () => sweeper.stop(),
    () => retention.stop(),
    ...(served ? [served.stop] : []),
  ];
  return {
    ctx,
    workers,
    stops,
    stop: async () => {
      for (const s of [...stops].reverse()) await s();
    },
  };
}
