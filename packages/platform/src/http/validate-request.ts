import type { RequestHandler } from 'express';
import { AppError, badRequest } from '../errors/app-error';
import { bearerToken, hasAnyRole, type TokenVerifier } from './auth';
import { unsafeBodyField, unsafeParameter } from './input-guard';
import { toFieldProblems, type OpenApiValidator } from './openapi-validator';
import './request-context';

/**
 * Matches each request to its OpenAPI operation, authenticates and authorises it by the operation's
 * `x-roles`, then validates path, query and body. Nothing reaches a handler that the contract does
 * not allow; an undocumented route is a 404, so a new endpoint cannot bypass the checks.
 */
export function validateRequest(validator: OpenApiValidator, verifyToken?: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    const found = validator.match(req.method, req.path);
    if (!found) {
      const other = validator.operations.some((o) => o.regex.test(req.path));
      throw other
        ? new AppError('HTTP.METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}`, { status: 405 })
        : new AppError('HTTP.ROUTE_NOT_FOUND', `No route for ${req.method} ${req.path}`, { status: 404 });
    }
    const { operation, params } = found;
    req.operation = operation;
    if (!operation.public) {
      if (!verifyToken) throw new AppError('AUTH.NOT_CONFIGURED', 'Authentication is not configured', { status: 500 });
      req.actor = await verifyToken(bearerToken(req.headers.authorization));
      if (!hasAnyRole(req.actor, operation.roles))
        throw new AppError('AUTH.FORBIDDEN_ROLE', `This operation needs one of the roles: ${operation.roles.join(', ')}`, {
          status: 403,
        });
    }
    // Before the schemas: operators and NULs are refused even where a schema is free-form.
    const unsafe =
      unsafeParameter('path', params) ?? unsafeParameter('query', req.query as Record<string, unknown>) ?? unsafeBodyField(req.body);
    if (unsafe) throw badRequest('HTTP.UNSAFE_INPUT', 'The request holds a field the platform never accepts', [unsafe]);
    if (operation.validatePath && !operation.validatePath(params))
      throw badRequest('HTTP.INVALID_REQUEST', 'A path parameter is invalid', toFieldProblems('path', operation.validatePath.errors));
    if (operation.validateHeaders) {
      const headers = Object.fromEntries(operation.headerNames.filter((n) => req.headers[n] !== undefined).map((n) => [n, req.headers[n]]));
      if (!operation.validateHeaders(headers))
        throw badRequest('HTTP.INVALID_REQUEST', 'A header is invalid', toFieldProblems('header', operation.validateHeaders.errors));
    }
    const query = { ...(req.query as Record<string, unknown>) };
    if (operation.validateQuery && !operation.validateQuery(query))
      throw badRequest('HTTP.INVALID_REQUEST', 'A query parameter is invalid', toFieldProblems('query', operation.validateQuery.errors));
    if (operation.validateBody) {
      const hasBody =
        req.body !== undefined &&
        !(typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length === 0 && !req.headers['content-length']);
      if (!hasBody && operation.bodyRequired)
        throw badRequest('HTTP.INVALID_REQUEST', 'A JSON request body is required', [{ field: 'body', reason: 'is required' }]);
      if (hasBody && !operation.validateBody(req.body))
        throw badRequest('HTTP.INVALID_REQUEST', 'The request body is invalid', toFieldProblems('body', operation.validateBody.errors));
    }
    req.validated = { query, params };
    next();
  };
}
