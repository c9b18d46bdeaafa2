import { randomUUID } from 'node:crypto';
import { currentContext } from '../logging/context';

/** CloudEvents 1.0 structured envelope, with our correlation, causation and tenant extensions. */
export interface EventEnvelope<T = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  /** The aggregate id (candidate id, list id): also the Kafka message key, so its events stay ordered. */
  subject: string;
  datacontenttype: 'application/json';
  data: T;
  correlationid: string;
  causationid?: string;
  tenant?: string;
}

export interface NewEvent<T> {
  type: string;
  subject: string;
  data: T;
  tenant?: string;
  /** Defaults: a random UUID, now, the current context's correlation id and causation id. */
  id?: string;
  time?: Date;
  correlationId?: string;
  causationId?: string;
}

/** Creates an envelope carrying the current correlation id, caused by the current request or event. */
export function createEvent<T>(source: string, event: NewEvent<T>): EventEnvelope<T> {
  const ctx = currentContext();
  const causation = event.causationId ?? ctx?.causationId;
  const tenant = event.tenant ?? ctx?.tenant;
  return {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source,
    type: event.type,
    time: (event.time ?? new Date()).toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    data: event.data,
    correlationid: event.correlationId ?? ctx?.correlationId ?? randomUUID(),
    ...(causation ? { causationid: causation } : {}),
    ...(tenant ? { tenant } : {}),
  };
}
