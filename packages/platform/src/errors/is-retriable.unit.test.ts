import { describe, expect, it } from 'vitest';
import { AppError, isRetriable } from './app-error';

/** A driver error as the MongoDB driver builds it: a named Error with a numeric server code. */
function serverError(message: string, code: number) {
  return Object.assign(new Error(message), { name: 'MongoServerError', code });
}

describe('isRetriable: an outage is retried, a fault is not', () => {
  it('when the database’s own storage is restarting behind it, then the server error is an outage', () => {
    const starting = serverError(
      '[msg_find.go:344 handler.handleMaxTimeMSError] failed to connect to `user=postgres database=ferretdb`: server error: FATAL: the database system is starting up (SQLSTATE 57P03)',
      1,
    );
    expect(isRetriable(starting)).toBe(true);
    expect(isRetriable(serverError('terminating connection due to administrator command (SQLSTATE 57P01)', 1))).toBe(true);
  });

  it('when a MongoDB server shuts down or steps down, then its codes are an outage', () => {
    expect(isRetriable(serverError('interrupted at shutdown', 11600))).toBe(true);
    expect(isRetriable(serverError('not primary', 10107))).toBe(true);
    expect(isRetriable(Object.assign(new Error('pool cleared'), { errorLabels: ['ResetPool'] }))).toBe(true);
  });

  it('when the network or the broker fails, then it is an outage', () => {
    expect(isRetriable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoNetworkError' }))).toBe(true);
    expect(isRetriable(Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' }))).toBe(true);
  });

  it('when the error is the handler’s own (a bad document, a broken rule, a duplicate key), then it is not retried as an outage', () => {
    expect(isRetriable(serverError('E11000 duplicate key error', 11000))).toBe(false);
    expect(isRetriable(serverError('document failed validation', 121))).toBe(false);
    expect(isRetriable(serverError('internal error', 1))).toBe(false);
    expect(isRetriable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isRetriable(new AppError('CASE.CONFLICT', 'conflict'))).toBe(false);
    expect(isRetriable(new AppError('DB.DOWN', 'down', { retriable: true }))).toBe(true);
  });
});
