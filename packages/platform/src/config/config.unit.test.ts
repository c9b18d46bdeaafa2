import { describe, expect, it } from 'vitest';
import { baseConfigSchema, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('when settings are valid, then they are parsed with defaults', () => {
    const config = loadConfig(baseConfigSchema, {
      SERVICE_NAME: 'intake',
      PORT: '4001',
      MONGO_DB: 'intake',
      KAFKA_BROKERS: 'a:1, b:2',
      AUTH_JWKS: '/tmp/jwks.json',
    });
    expect(config.PORT).toBe(4001);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('when settings are missing or bad, then the error names every one of them', () => {
    let error: unknown;
    try {
      loadConfig(baseConfigSchema, { PORT: 'abc', MONGO_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['SERVICE_NAME', 'PORT', 'MONGO_DB', 'MONGO_URL', 'AUTH_JWKS']) expect(message).toContain(name);
  });

  it('when a service is told to listen on a port fetch refuses, then the error names PORT and says why', () => {
    expect(() => loadConfig(baseConfigSchema, { SERVICE_NAME: 's', PORT: '4190', MONGO_DB: 'd', AUTH_JWKS: '/j' })).toThrow(
      /PORT: is on the Fetch standard's bad-port list/,
    );
  });
});
