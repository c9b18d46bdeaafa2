import { randomUUID } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { runWithContext } from '../logging/context';
import { loggedRequest, type Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import type { TokenVerifier } from './auth';
import type { OpenApiValidator } from './openapi-validator';
import { corsFor } from './cors';
import { notFoundHandler, problemHandler } from './problem';
import { validateRequest } from './validate-request';

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  metrics: Metrics;
  validator: OpenApiValidator;
  /** Absent only in services whose operations are all public. */
  verifyToken?: TokenVerifier;
  /** Registers the service's handlers; they run after authentication and validation. */
  routes: (router: Router) => void;
  /** Named readiness checks for /readyz; each throws when its dependency is not usable. */
  readiness?: Record<string, () => Promise<unknown>>;
  /**
   * External systems the service calls (authorities, employers), reported by /readyz under `externals`
   * with the reason when one cannot be reached. They make the status `degraded`, never not-ready: the
   * service itself still works (and must keep receiving callbacks) while an authority is down.
   */
  externals?: Record<string, () => Promise<unknown>>;
  /** Largest JSON body accepted. Default `1mb`. */
  bodyLimit?: string;
  /** Mounts handlers that must see the raw request, before body parsing and contract validation (the gateway's proxy and static files). */
  mountRaw?: (app: Express) => void;
  /** Origins allowed to call this API from a browser (CORS). Default none: no CORS header is ever sent. */
  corsOrigins?: readonly string[];
  /** helmet options; the gateway relaxes the content security policy for the console. */
  helmet?: Parameters<typeof helmet>[0];
  /**
   * Leaves /readyz and /metrics off this app, for an app that faces the internet (the gateway):
   * they go on `createOperationsApp`, listening on a port only the cluster reaches. Default false.
   */
  operationsApart?: boolean;
}

/** /readyz (each named check) and /metrics (Prometheus), for the cluster's probes and scrapers. */
function mountOperations(app: Express, options: Pick<HttpAppOptions, 'metrics' | 'readiness' | 'externals'>): void {
  const { metrics } = options;
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    let ready = true;
    for (const [name, check] of Object.entries(options.readiness ?? {})) {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        ready = false;
        checks[name] = (error as Error).message;
      }
    }
    const externals: Record<string, string> = {};
    await Promise.all(
      Object.entries(options.externals ?? {}).map(async ([name, probe]) => {
        externals[name] = await probe().then(
          () => 'ok',
          (error: Error) => error.message,
        );
        metrics.externalReachable.set({ system: name }, externals[name] === 'ok' ? 1 : 0);
      }),
    );
    const degraded = Object.values(externals).some((v) => v !== 'ok');
    const status = !ready ? 'not-ready' : degraded ? 'degraded' : 'ready';
    res.status(ready ? 200 : 503).json({ status, checks, ...(options.externals ? { externals } : {}) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

/** /healthz, /readyz and /metrics alone: the operations port of an app built with `operationsApart`. */
export function createOperationsApp(options: Pick<HttpAppOptions, 'service' | 'metrics' | 'readiness'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: options.service }));
  mountOperations(app, options);
  app.use((_req, res) => void res.status(404).end());
  return app;
}

/** Builds the express app of a service. It never listens: `listen()` does, so tests run it on port 0. */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger, metrics } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet(options.helmet));
  app.use(corsFor(options.corsOrigins ?? []));
  app.use((req, res, next) => {
    const header = req.headers['x-correlation-id'];
    const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
    req.headers['x-correlation-id'] = correlationId;
    res.setHeader('x-correlation-id', correlationId);
    const stop = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => stop({ route: req.operation?.operationId ?? 'unmatched', status: String(res.statusCode) }));
    runWithContext({ correlationId, causationId: correlationId }, next);
  });
  app.use(
    pinoHttp({
      logger,
      quietReqLogger: true,
      serializers: { req: loggedRequest },
      autoLogging: { ignore: (req) => /^\/(healthz|readyz|metrics)/.test(req.url ?? '') },
    }),
  );

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', service: options.service }));
  if (!options.operationsApart) mountOperations(app, options);

  options.mountRaw?.(app);
  app.use(express.json({ limit: options.bodyLimit ?? '1mb', strict: true }));
  app.use(validateRequest(options.validator, options.verifyToken));
  const router = express.Router();
  options.routes(router);
  app.use(router);
  app.use(notFoundHandler);
  app.use(problemHandler(logger));
  return app;
}
