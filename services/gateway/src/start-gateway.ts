import { readFileSync } from 'node:fs';
import { openapiPath } from '@vetting/contracts';
import {
  createEventPublisher,
  createEventValidator,
  createKafka,
  createLogger,
  createMetrics,
  createRateLimiter,
  createTokenVerifier,
  isDevelopment,
  kafkaSecurityOf,
  OpenApiValidator,
  refuseInProduction,
  serveHttp,
  stopInReverse,
  type Logger,
  type Stop,
} from '@vetting/platform';
import { createAccessTokenIssuer } from './api/access-token';
import { createAuthRoutes } from './api/auth.router';
import { mountApiReference } from './api/api-reference';
import { mountConsole } from './api/console';
import { mountServiceProxies } from './api/service-proxy';
import { gatewayUnsafeSettings, serviceUrlsOf, signInSettingsOf, type GatewayConfig } from './config';
import { createAuthState } from './data/auth-state.redis';
import { ensureDevKeys, ensureProductionKeys, loadSigningKey } from './data/dev-keys';
import { createTokenSigner } from './domain/signed-tokens';
import { createUserStore } from './data/user.store';
import { createUsersRoutes } from './api/users.router';
import { createAccountChangePublisher } from './messaging/account-change.publisher';

export async function startGateway(config: GatewayConfig, overrides: { logger?: Logger } = {}) {
  refuseInProduction(config, gatewayUnsafeSettings(config));
  const logger = overrides.logger ?? createLogger('gateway', config.LOG_LEVEL);
  if (isDevelopment(config)) await ensureDevKeys(config.KEYS_DIR);
  else await ensureProductionKeys(config.KEYS_DIR, config.ADMIN_INITIAL_PASSWORD);
  // Admin account changes go to the audit trail through Kafka (the gateway has no database for an outbox).
  const publisher = createEventPublisher({
    kafka: createKafka({ clientId: 'gateway', brokers: config.KAFKA_BROKERS, logger, ...kafkaSecurityOf(config) }),
    validator: createEventValidator(),
    topicPrefix: config.TOPIC_PREFIX,
  });
  await publisher.connect();
  const users = createUserStore(config.KEYS_DIR, { audit: createAccountChangePublisher(publisher) });
  const signingKey = await loadSigningKey(config.KEYS_DIR);
  const jwks = JSON.parse(readFileSync(`${config.KEYS_DIR}/jwks.json`, 'utf8'));
  const byAddress = createRateLimiter({
    redisUrl: config.REDIS_URL,
    keyPrefix: `${config.SIGNIN_RATE_KEY_PREFIX}ip:`,
    capacity: config.SIGNIN_ADDRESS_ATTEMPTS_PER_MINUTE,
    perMinute: config.SIGNIN_ADDRESS_ATTEMPTS_PER_MINUTE,
    unavailableCode: 'AUTH.RATE_LIMIT_UNAVAILABLE',
  });
  const state = createAuthState({ redisUrl: config.REDIS_URL, keyPrefix: config.SIGNIN_RATE_KEY_PREFIX });
  // Disabling an account ends its sessions at once; its access tokens run out within ACCESS_TOKEN_TTL.
  users.onDisabled((username) => state.endAll(username));
  const accessToken = createAccessTokenIssuer({
    signingKey,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    ttl: config.ACCESS_TOKEN_TTL,
  });
  const metrics = createMetrics('gateway');
  const stops: Stop[] = [() => publisher.disconnect(), () => byAddress.close(), () => state.close()];
  const served = await serveHttp({
    service: 'gateway',
    logger,
    metrics,
    operationsApart: true,
    port: config.PORT,
    opsPort: config.OPS_PORT,
    settings: { 'trust proxy': config.TRUST_PROXY },
    validator: new OpenApiValidator(openapiPath('gateway')),
    verifyToken: createTokenVerifier({ jwks, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }),
    corsOrigins: config.CONSOLE_ORIGINS,
    helmet: { contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] } } },
    mountRaw: (raw) => {
      mountApiReference(raw);
      mountServiceProxies(raw, serviceUrlsOf(config), logger, {
        issuer: config.AUTH_ISSUER,
        isDisabled: (username) => users.list().some((u) => u.username === username && u.disabled),
      });
      mountConsole(raw, config.CONSOLE_DIR);
    },
    routes: (router) => {
      createAuthRoutes({
        users: users.active,
        store: users,
        state,
        byAddress,
        tokens: createTokenSigner(readFileSync(`${config.KEYS_DIR}/signing-key.private.jwk.json`, 'utf8')),
        accessToken,
        jwks,
        settings: signInSettingsOf(config),
      })(router);
      createUsersRoutes({ users, logger })(router);
    },
  });
  stops.push(...served.stops);
  return { port: served.port, opsPort: served.opsPort, app: served.app, stops, stop: () => stopInReverse(stops) };
}
