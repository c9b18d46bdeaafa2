import { readFileSync } from 'node:fs';
import { decodeJwt, SignJWT } from 'jose';
import { openapiPath } from '@vetting/contracts';
import {
  createEventPublisher,
  createEventValidator,
  createHttpApp,
  createOperationsApp,
  createKafka,
  createLogger,
  createMetrics,
  createRateLimiter,
  createTokenVerifier,
  isDevelopment,
  kafkaSecurityOf,
  listen,
  OpenApiValidator,
  refuseInProduction,
  type Logger,
  type Stop,
} from '@vetting/platform';
import { stopInReverse } from '@vetting/platform';
import { createAuthRoutes } from './api/auth.router';
import { mountApiReference } from './api/api-reference';
import { mountConsole } from './api/console';
import { mountServiceProxies } from './api/service-proxy';
import { gatewayUnsafeSettings, type GatewayConfig } from './config';
import { createAuthState, type Session } from './data/auth-state.redis';
import { ensureDevKeys, ensureProductionKeys, loadSigningKey, type DemoUser } from './data/dev-keys';
import { createTokenSigner } from './domain/signed-tokens';
import { createUserStore } from './data/user.store';
import { createUsersRoutes } from './api/users.router';
import { createAccountChangePublisher } from './messaging/account-change.publisher';

/** `12h`, `30m`, `300s` → milliseconds. */
const durationMs = (span: string) => {
  const [, n, unit] = /^(\d+)\s*(s|m|min|h)$/.exec(span.trim()) ?? [];
  return Number(n) * ({ s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[unit as 's' | 'm' | 'min' | 'h'] ?? 0);
};

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
  const accessToken = async (user: DemoUser, session: Session) => {
    const token = await new SignJWT({
      roles: user.roles,
      name: user.name,
      sid: session.sid,
      ...(user.country ? { country: user.country } : {}),
      ...(user.missions?.length ? { missions: user.missions } : {}),
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: signingKey.kid })
      .setSubject(user.username)
      .setIssuer(config.AUTH_ISSUER)
      .setAudience(config.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(config.ACCESS_TOKEN_TTL)
      .sign(signingKey.key);
    return { token, expiresAt: new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString() };
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
      mountApiReference(raw);
      mountServiceProxies(
        raw,
        {
          intake: config.INTAKE_URL,
          screening: config.SCREENING_URL,
          references: config.REFERENCES_URL,
          clearance: config.CLEARANCE_URL,
          audit: config.AUDIT_URL,
          accountability: config.ACCOUNTABILITY_URL,
        },
        logger,
        { issuer: config.AUTH_ISSUER, isDisabled: (username) => users.list().some((u) => u.username === username && u.disabled) },
      );
      mountConsole(raw, config.CONSOLE_DIR);
    },
    routes: (router) =>
      [
        createAuthRoutes({
          users: users.active,
          store: users,
          state,
          byAddress,
          tokens: createTokenSigner(readFileSync(`${config.KEYS_DIR}/signing-key.private.jwk.json`, 'utf8')),
          accessToken,
          jwks,
          settings: {
            freeFailures: config.SIGNIN_FREE_FAILURES,
            maxDelayMs: config.SIGNIN_MAX_DELAY_SECONDS * 1000,
            secondFactorRoles: config.SECOND_FACTOR_ROLES,
            secondFactorIssuer: config.SECOND_FACTOR_ISSUER,
            sessionTtlMs: durationMs(config.SESSION_TTL),
          },
        }),
        createUsersRoutes({ users, logger }),
      ].forEach((mount) => mount(router)),
  });
  app.set('trust proxy', config.TRUST_PROXY);
  const http = await listen(app, config.PORT);
  const ops =
    config.OPS_PORT === undefined ? undefined : await listen(createOperationsApp({ service: 'gateway', metrics }), config.OPS_PORT);
  logger.info({ port: http.port, opsPort: ops?.port }, 'gateway listening');
  const stops: Stop[] = [
    () => publisher.disconnect(),
    () => byAddress.close(),
    () => state.close(),
    http.close,
    ...(ops ? [ops.close] : []),
  ];
  return { port: http.port, opsPort: ops?.port, app, stops, stop: () => stopInReverse(stops) };
}
