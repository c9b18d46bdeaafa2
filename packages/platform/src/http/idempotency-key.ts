import type { Request } from 'express';

/** The client's Idempotency-Key, when well-formed: a retried command with it applies once. */
export function idempotencyKey(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  return key && /^[\w.:-]{8,100}$/.test(key) ? key : undefined;
}
