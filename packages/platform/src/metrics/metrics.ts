import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
      help: 'Database commands sent, by command name, collection and outcome',
      labelNames: ['command', 'outcome', 'collection'],
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
