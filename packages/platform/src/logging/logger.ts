import { pino, type Logger, type LoggerOptions } from 'pino';
import { currentContext } from './context';

export type { Logger };

/**
 * A pino logger whose every line carries the current correlation id (from AsyncLocalStorage).
 * Personal data is never logged: the redact list is a safety net for mistakes, not a licence.
 */
export function createLogger(service: string, level: LoggerOptions['level'] = 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = currentContext();
      return ctx ? { correlationId: ctx.correlationId, causationId: ctx.causationId } : {};
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.documents', '*.names'],
      censor: '[redacted]',
    },
  });
}

/**
 * Path segments that carry a secret of their own (the referee's single-use link token): the segment
 * after each is replaced wherever a URL is logged, in every service and in the gateway that proxies
 * them (`/api/references/referee/<token>`).
 */
const SECRET_SEGMENT = /(\/referee\/)[^/?#\s]+/gi;

/** A URL (or path) as it may be logged: secret path segments replaced by `[redacted]`. */
export const redactUrl = (url: string) => url.replace(SECRET_SEGMENT, '$1[redacted]');

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  params?: unknown;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * The request as the access log records it: URL and Referer without secret segments, and no path
 * parameters (they repeat the URL, a token included).
 */
export function loggedRequest(req: LoggedRequest) {
  const { params: _params, ...rest } = req;
  const referer = rest.headers?.referer;
  return {
    ...rest,
    ...(rest.url ? { url: redactUrl(rest.url) } : {}),
    ...(rest.headers ? { headers: { ...rest.headers, ...(typeof referer === 'string' ? { referer: redactUrl(referer) } : {}) } } : {}),
  };
}
