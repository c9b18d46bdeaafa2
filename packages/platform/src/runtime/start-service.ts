import type { Router } from 'express';
import type { Collection } from 'mongodb';
import { openapiPath } from '@vetting/contracts';
import type { BaseConfig } from '../config/config';
import { refuseInProduction, type UnsafeSetting } from '../config/mode';
import { OpenApiValidator } from '../http/openapi-validator';
import type { EventHandler, ConsumerRunner } from '../kafka/consumer-runner';
import { createOutboxRelay, type OutboxRelay } from '../outbox/outbox-relay';
import { createAccessRecorder, type AccessRecorder } from './access-recorder';
import { startPeriodicTask, type PeriodicJob, type PeriodicTask } from './periodic-task';
import { stopInReverse, type Stop } from './run-service';
import { serveHttp, type ServeOptions, type Served } from './serve-http';
import {
  createServiceRuntime,
  requirePersonKeys,
  startConsumer,
  type ConsumeOptions,
  type RuntimeOverrides,
  type ServiceRuntime,
} from './service-runtime';

/** Mounts one router's handlers (`createXRoutes(deps)` returns one). */
export type RouteMount = (router: Router) => void;

export interface ServiceStartOptions {
  /** Development conveniences this config turns on: refused in production before anything connects. */
  unsafe?: (UnsafeSetting | false | undefined | null)[];
  /** The service opens or seals people's data: it refuses to start without PERSON_KEYS_URL. Default false. */
  personKeys?: boolean;
}

export interface RelayOptions {
  /** Outbox documents per pass. Default 200. */
  batchSize?: number;
}

export interface ServiceServeOptions extends Omit<ServeOptions, 'service' | 'logger' | 'metrics' | 'validator' | 'routes' | 'port'> {
  routes: RouteMount[];
}

/**
 * One service process under construction. Parts are added in the order they depend on each other
 * (relays, consumers and jobs, HTTP last) and stopped in reverse: intake of work first (HTTP,
 * consumers, jobs), then the relays drain, then the connections close.
 */
export interface ServiceStarter {
  readonly name: string;
  readonly runtime: ServiceRuntime;
  /** Records every read of personal data; its outbox goes out with the first relay. */
  readonly access: AccessRecorder;
  /** Wakes every relay at once: pass it as `onEvents` to whatever writes events to an outbox. */
  readonly onEvents: () => void;
  /** Every part's stop, in start order (what `runService` takes). */
  readonly stops: Stop[];
  /** Publishes the events written to these outbox collections (the first relay also carries the access records). */
  relay(collections: Collection[], options?: RelayOptions): OutboxRelay;
  /** A consumer group of this service, ready-checked by /readyz. */
  consume(group: string, topics: string[], handlers: Record<string, EventHandler>, options?: ConsumeOptions): Promise<ConsumerRunner>;
  /** A named periodic job on the one runner of scheduled work. */
  every(job: PeriodicJob): PeriodicTask;
  /** Adds a part that needs stopping (a pool, a client, a worker) at this point of the start order. */
  stopWith(...stops: Stop[]): void;
  /** Builds the HTTP app against contracts/openapi/<name>.yaml and listens on PORT; logs `<name> listening`. */
  serve(options: ServiceServeOptions, logFields?: Record<string, unknown>): Promise<Served>;
  stop(): Promise<void>;
}

/** Opens the runtime (logger, metrics, Kafka, database, token verifier) of the service `name`. */
export async function startService(
  name: string,
  config: BaseConfig,
  overrides: RuntimeOverrides = {},
  options: ServiceStartOptions = {},
): Promise<ServiceStarter> {
  refuseInProduction(config, options.unsafe ?? []);
  const runtime = await createServiceRuntime(config, overrides);
  if (options.personKeys) requirePersonKeys(runtime);
  const relays: OutboxRelay[] = [];
  const onEvents = () => relays.forEach((relay) => relay.kick());
  const access = createAccessRecorder(runtime.db, name, onEvents);
  const stops: Stop[] = [runtime.close];
  return {
    name,
    runtime,
    access,
    onEvents,
    stops,
    relay(collections, relayOptions = {}) {
      const relay = createOutboxRelay({
        collections: relays.length === 0 ? [...collections, access.collection] : collections,
        publisher: runtime.publisher,
        logger: runtime.logger,
        metrics: runtime.metrics,
        pollMs: config.OUTBOX_POLL_MS,
        ...(relayOptions.batchSize ? { batchSize: relayOptions.batchSize } : {}),
      });
      relay.start();
      relays.push(relay);
      stops.push(() => relay.stop());
      return relay;
    },
    async consume(group, topics, handlers, consumeOptions) {
      const consumer = await startConsumer(runtime, group, topics, handlers, consumeOptions);
      stops.push(() => consumer.stop());
      return consumer;
    },
    every({ name: jobName, intervalMs, run, ...jobOptions }) {
      const task = startPeriodicTask(jobName, intervalMs, runtime.logger, run, jobOptions);
      stops.push(() => task.stop());
      return task;
    },
    stopWith(...more) {
      stops.push(...more);
    },
    async serve({ routes, readiness, ...http }, logFields) {
      // An access record that no relay publishes would be a read the audit trail never sees.
      if (relays.length === 0) throw new Error(`${name}: start a relay before serving (access records go out with it)`);
      const served = await serveHttp(
        {
          ...http,
          service: name,
          logger: runtime.logger,
          metrics: runtime.metrics,
          validator: new OpenApiValidator(openapiPath(name)),
          verifyToken: runtime.verifyToken,
          // The same object: a check registered later (a consumer started after) is still asked.
          readiness: Object.assign(runtime.readiness, readiness),
          routes: (router) => routes.forEach((mount) => mount(router)),
          port: config.PORT,
        },
        logFields,
      );
      stops.push(...served.stops);
      return served;
    },
    stop: () => stopInReverse(stops),
  };
}
