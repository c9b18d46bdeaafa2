import type { RequestHandler } from 'express';

const ALLOWED_HEADERS = 'authorization, content-type, x-correlation-id, idempotency-key';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/**
 * CORS locked to a list of origins (the console's, when it is served from another origin than the
 * API). Any other origin gets no Access-Control-Allow-Origin, so a browser page elsewhere can neither
 * read answers nor send credentialed requests; its preflight falls through to the usual 404/405.
 * With no origins (the default: the gateway serves the console from its own origin), no request
 * ever gets a CORS header.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'x-correlation-id, retry-after, location');
    res.vary('Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
