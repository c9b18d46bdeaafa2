import { readFileSync } from 'node:fs';
import {
  createEventPublisher,
  createEventValidator,
  createKafka,
  createRateLimiter,
  kafkaSecurityOf,
  type Logger,
  type Stop,
} from '@vetting/platform';
import { createAccessTokenIssuer } from './api/access-token';
import type { GatewayConfig } from './config';
import { createAuthState } from './data/auth-state.redis';
import { loadSigningKey } from './data/dev-keys';
import { createUserStore } from './data/user.store';
import { createTokenSigner } from './domain/signed-tokens';
import { createAccountChangePublisher } from './messaging/account-change.publisher';

/**
 * What signing in and account administration share: the accounts, the keys that sign tokens, the
 * per-address limiter and the session state in Redis. Admin account changes go to the audit trail
 * through Kafka (the gateway has no database for an outbox).
 */
export async function createSignInContext(config: GatewayConfig, logger: Logger) {
  const publisher = createEventPublisher({
    kafka: createKafka({ clientId: 'gateway', brokers: config.KAFKA_BROKERS, logger, ...kafkaSecurityOf(config) }),
    validator: createEventValidator(),
    topicPrefix: config.TOPIC_PREFIX,
  });
  await publisher.connect();
  const users = createUserStore(config.KEYS_DIR, { audit: createAccountChangePublisher(publisher) });
  const signingKey = await loadSigningKey(config.KEYS_DIR);
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
  const stops: Stop[] = [() => publisher.disconnect(), () => byAddress.close(), () => state.close()];
  return {
    users,
    state,
    byAddress,
    jwks: JSON.parse(readFileSync(`${config.KEYS_DIR}/jwks.json`, 'utf8')),
    tokens: createTokenSigner(readFileSync(`${config.KEYS_DIR}/signing-key.private.jwk.json`, 'utf8')),
    accessToken: createAccessTokenIssuer({
      signingKey,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      ttl: config.ACCESS_TOKEN_TTL,
    }),
    stops,
  };
}
