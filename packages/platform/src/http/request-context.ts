import type { Request } from 'express';
import { AppError } from '../errors/app-error';
import type { Actor } from './auth';
import type { Operation } from './openapi-validator';

declare module 'express-serve-static-core' {
  interface Request {
    /** The verified caller; absent only on public operations. */
    actor?: Actor;
    /** The OpenAPI operation this request matched. */
    operation?: Operation;
    /** Query and path parameters after validation and type coercion against the OpenAPI document. */
    validated?: { query: Record<string, unknown>; params: Record<string, string> };
  }
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw new AppError('AUTH.UNAUTHENTICATED', 'Authentication is required', { status: 401 });
  return req.actor;
}

export function queryOf<T = Record<string, unknown>>(req: Request): T {
  return (req.validated?.query ?? {}) as T;
}

export function paramsOf<T = Record<string, string>>(req: Request): T {
  return (req.validated?.params ?? {}) as T;
}
