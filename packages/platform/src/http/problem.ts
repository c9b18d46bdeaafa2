import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors/app-error';
import { correlationId } from '../logging/context';
import type { Logger } from '../logging/logger';

/** Stable problem type URIs: the namespaced code, under one base, never a stack trace. */
export const problemType = (code: string) => `https://vetting.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`;

export function toProblem(error: AppError, instance?: string) {
  return {
    type: problemType(error.code),
    title: error.message,
    status: error.status,
    code: error.code,
    ...(instance ? { instance } : {}),
    correlationId: correlationId(),
    ...(error.errors.length ? { errors: error.errors } : {}),
    ...error.extensions,
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('HTTP.ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}`, { status: 404 }));
};

/** Renders every error once, as RFC 9457 problem+json. Unknown errors become a 500 with no details. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let error: AppError;
    if (err instanceof AppError) error = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed')
      error = new AppError('HTTP.MALFORMED_JSON', 'The request body is not valid JSON', {
        status: 400,
        errors: [{ field: 'body', reason: 'is not valid JSON' }],
      });
    else if ((err as { type?: string }).type === 'entity.too.large')
      error = new AppError('HTTP.PAYLOAD_TOO_LARGE', 'The request body is too large', { status: 413 });
    else if ((err as { status?: number }).status && (err as { status: number }).status < 500)
      error = new AppError('HTTP.BAD_REQUEST', (err as Error).message, { status: (err as { status: number }).status });
    else error = new AppError('INTERNAL.UNEXPECTED', 'An unexpected error occurred', { cause: err });
    if (error.status >= 500) logger.error({ err, code: error.code }, 'request failed');
    // Every throttled answer tells the client when to come back (RFC 9110 Retry-After, seconds).
    const retryAfter = error.extensions.retryAfterSeconds ?? error.extensions.retryAfter;
    if ((error.status === 429 || error.status === 503) && typeof retryAfter === 'number' && !res.headersSent)
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    res.status(error.status).type('application/problem+json').json(toProblem(error, req.originalUrl));
  };
}
