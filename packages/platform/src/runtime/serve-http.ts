import type { Express } from 'express';
import { createHttpApp, createOperationsApp, type HttpAppOptions } from '../http/create-http-app';
import { listen } from '../http/listen';
import type { Stop } from './run-service';

export interface ServeOptions extends HttpAppOptions {
  port: number;
  /** With `operationsApart`: the port of /healthz, /readyz and /metrics. Default none. */
  opsPort?: number | undefined;
  /** Express settings applied before listening (the gateway's `trust proxy`). */
  settings?: Record<string, unknown>;
}

export interface Served {
  app: Express;
  port: number;
  opsPort?: number;
  /** The stops of both ports, in start order. */
  stops: Stop[];
}

/** Builds the service's HTTP app, listens, and logs `<service> listening` with the ports. */
export async function serveHttp(options: ServeOptions, logFields: Record<string, unknown> = {}): Promise<Served> {
  const { port, opsPort, settings, ...appOptions } = options;
  const app = createHttpApp(appOptions);
  for (const [name, value] of Object.entries(settings ?? {})) app.set(name, value);
  const http = await listen(app, port);
  const ops =
    opsPort === undefined
      ? undefined
      : await listen(
          createOperationsApp({
            service: options.service,
            metrics: options.metrics,
            ...(options.readiness ? { readiness: options.readiness } : {}),
          }),
          opsPort,
        );
  options.logger.info({ port: http.port, ...(ops ? { opsPort: ops.port } : {}), ...logFields }, `${options.service} listening`);
  return { app, port: http.port, ...(ops ? { opsPort: ops.port } : {}), stops: [http.close, ...(ops ? [ops.close] : [])] };
}
