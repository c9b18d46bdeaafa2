import { readFileSync } from 'node:fs';
import { openapiPath } from '@vetting/contracts';
import { createEventPublisher, createEventValidator, createHttpApp, createOperationsApp, createKafka, createLogger, createMetrics, createRateLimiter, createTokenVerifier, listen, OpenApiValidator, type Logger, type Stop } from '@vetting/platform';
import { stopInReverse } from '@vetting/platform';
import { createAuthRoutes } from './api/auth.router';
import { mountConsole } from './api/console';
import { mountServiceProxies } from './api/service-proxy';
import type { GatewayConfig } from './config';
import { ensureDevKeys, loadSigningKey } from './data/dev-keys';
import { createUserStore } from './data/user.store';
import { createUsersRoutes } from './api/users.router';
import { createAccountChangePublisher } from './messaging/account-change.publisher';

export async function startGateway(config: GatewayConfig, overrides: { logger?: Logger } = {}) {
  const logger = overrides.logger ?? createLogger('gateway', config.LOG_LEVEL);
  await ensureDevKeys(config.KEYS_DIR);
  // Admin account changes go to the audit trail through Kafka (the gateway has no database for an outbox).
  const publisher = createEventPublisher({ kafka: createKafka({ clientId: 'gateway', brokers: config.KAFKA_BROKERS, logger }), validator: createEventValidator(), topicPrefix: config.TOPIC_PREFIX });
  await publisher.connect();
  const users = createUserStore(config.KEYS_DIR, { audit: createAccountChangePublisher(publisher) });
  const signingKey = await loadSigningKey(config.KEYS_DIR);
  const jwks = JSON.parse(readFileSync(`${config.KEYS_DIR}/jwks.json`, 'utf8'));
  const limiter = {
    byUser: createRateLimiter({ redisUrl: config.REDIS_URL, keyPrefix: `${config.SIGNIN_RATE_KEY_PREFIX}user:`, capacity: config.SIGNIN_ATTEMPTS_PER_MINUTE, perMinute: config.SIGNIN_ATTEMPTS_PER_MINUTE, unavailableCode: 'AUTH.RATE_LIMIT_UNAVAILABLE' }),
    byAddress: createRateLimiter({ redisUrl: config.REDIS_URL, keyPrefix: `${config.SIGNIN_RATE_KEY_PREFIX}ip:`, capacity: 4 * config.SIGNIN_ATTEMPTS_PER_MINUTE, perMinute: 4 * config.SIGNIN_ATTEMPTS_PER_MINUTE, unavailableCode: 'AUTH.RATE_LIMIT_UNAVAILABLE' }),
  };
  const metrics = createMetrics('gateway');
  const app = createHttpApp({
    service: 'gateway',
    logger,
    metrics,
    operationsApart: true,
    validator: new OpenApiValidator(openapiPath('gateway')),
    verifyToken: createTokenVerifier({ jwks, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
    corsOrigins: config.CONSOLE_ORIGINS,
    helmet: { contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] } } },
    mountRaw: (raw) => {
      mountServiceProxies(
        raw,
        { intake: config.INTAKE_URL, screening: config.SCREENING_URL, references: config.REFERENCES_URL, clearance: config.CLEARANCE_URL, audit: config.AUDIT_URL },
        logger,
      );
      mountConsole(raw, config.CONSOLE_DIR);
    },
    routes: (router) => [createAuthRoutes({
      users: users.active,
      upgradePassword: users.upgradePassword,
      signingKey,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ttl: config.TOKEN_TTL,
      jwks,
      limiter,
    }), createUsersRoutes({ users, logger })].forEach((mount) => mount(router)),
  });
  const http = await listen(app, config.PORT);
  const ops = config.OPS_PORT === undefined ? undefined : await listen(createOperationsApp({ service: 'gateway', metrics }), config.OPS_PORT);
  logger.info({ port: http.port, opsPort: ops?.port }, 'gateway listening');
  const stops: Stop[] = [() => publisher.disconnect(), () => limiter.byUser.close(), () => limiter.byAddress.close(), http.close, ...(ops ? [ops.close] : [])];
  return { port: http.port, opsPort: ops?.port, app, stops, stop: () => stopInReverse(stops) };
}
