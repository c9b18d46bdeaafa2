import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per service process, with the metrics every service shares. */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventsHandled: new Counter({
      name: 'events_handled_total',
      help: 'Events handled by consumers, by type and result (applied, duplicate, ignored, dead-lettered)',
      labelNames: ['group', 'type', 'result'],
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Events published from the outbox, by type',
      labelNames: ['type'],
      registers: [registry],
    }),
    // Every database round trip costs CPU in this process, in FerretDB and in PostgreSQL: the pipeline
    // benchmark divides these by the candidates decided to show where the work per candidate goes.
    dbCommands: new Counter({
      name: 'db_commands_total',
      help: 'Database commands sent, by command name and outcome',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    }),
    eventsRefused: new Counter({
      name: 'events_refused_total',
      help: "Events dead-lettered because their source is not one of the topic's writers (a forgery or a misrouted producer)",
      labelNames: ['group', 'topic', 'source'],
      registers: [registry],
    }),
    // Set by each /readyz probe (Kubernetes asks every few seconds): 0 while an authority cannot be reached.
    externalReachable: new Gauge({
      name: 'external_system_reachable',
      help: 'Whether an external system the service calls answered its last reachability probe (1) or not (0)',
      labelNames: ['system'],
      registers: [registry],
    }),
    consumerRetries: new Counter({
      name: 'consumer_retries_total',
      help: 'Handler attempts that failed and were retried',
      labelNames: ['group', 'type'],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
