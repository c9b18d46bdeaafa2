import type { Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { AppError, toProblem, type Logger } from '@vetting/platform';

/**
 * Routes /api/<service>/… to each service, unchanged: each service authenticates and validates the
 * request itself (no trust in the network), so the gateway adds nothing but the correlation id.
 */
export function mountServiceProxies(app: Express, services: Record<string, string>, logger: Logger): void {
  for (const [name, target] of Object.entries(services)) {
    app.use(
      `/api/${name}`,
      createProxyMiddleware({
        target,
        changeOrigin: false,
        xfwd: true,
        proxyTimeout: 60_000,
        on: {
          error: (err, _req, res) => {
            logger.warn({ err, service: name }, 'service unreachable');
            const problem = toProblem(new AppError('GATEWAY.SERVICE_UNAVAILABLE', `The ${name} service is not reachable`, { status: 502 }));
            if ('writeHead' in res && !res.headersSent) {
              res.writeHead(502, { 'content-type': 'application/problem+json' });
              res.end(JSON.stringify(problem));
            }
          },
        },
      }),
    );
  }
}
