import type { Express, RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { decodeJwt } from 'jose';
import { AppError, toProblem, type Logger } from '@vetting/platform';

/**
 * A service's own operational endpoints (health, readiness, Prometheus metrics) are for the cluster,
 * not the internet: refused under /api/<service>/ whatever the spelling the service's router would
 * still match (case, percent-encoding, doubled or trailing slashes).
 */
const OPERATIONAL = /^\/(healthz|readyz|metrics)(\/|$)/;
const refuseOperational: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path)
      .toLowerCase()
      .replace(/\/{2,}/g, '/');
  } catch {
    return next(new AppError('HTTP.BAD_PATH', 'The path is not valid percent-encoding', { status: 400 }));
  }
  if (OPERATIONAL.test(path))
    return next(new AppError('HTTP.ROUTE_NOT_FOUND', `No route for ${req.method} ${req.baseUrl}${req.path}`, { status: 404 }));
  next();
};

/**
 * A token the gateway itself issued to an account that has since been disabled is refused here at
 * once (the services refuse it too, when its few minutes are up). Read without verifying: it can
 * only turn a request away, never let one in.
 */
function refuseDisabledAccounts(issuer: string, isDisabled: (username: string) => boolean): RequestHandler {
  return (req, _res, next) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m?.[1]) return next();
    try {
      const { iss, sub } = decodeJwt(m[1]);
      if (iss === issuer && sub && isDisabled(sub))
        return next(new AppError('AUTH.UNAUTHENTICATED', 'The account is disabled', { status: 401 }));
    } catch {
      // not a JWT: the service answers it
    }
    next();
  };
}

/**
 * Routes /api/<service>/… to each service, unchanged: each service authenticates and validates the
 * request itself (no trust in the network), so the gateway adds nothing but the correlation id.
 */
export function mountServiceProxies(
  app: Express,
  services: Record<string, string>,
  logger: Logger,
  accounts: { issuer: string; isDisabled: (username: string) => boolean },
): void {
  const disabled = refuseDisabledAccounts(accounts.issuer, accounts.isDisabled);
  for (const [name, target] of Object.entries(services)) {
    app.use(`/api/${name}`, refuseOperational, disabled);
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
