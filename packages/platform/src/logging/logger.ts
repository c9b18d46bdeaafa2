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
