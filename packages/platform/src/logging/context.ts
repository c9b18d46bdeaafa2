import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with a unit of work: from an HTTP request into the events it causes and the jobs they start. */
export interface RequestContext {
  correlationId: string;
  /** The id of the event or request that caused the current work. */
  causationId?: string;
  /** Country (tenant) the work belongs to, when known. */
  tenant?: string;
  /** Subject (user id) of the authenticated actor, when there is one. */
  actor?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function correlationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}
