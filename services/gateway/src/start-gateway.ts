import { openapiPath } from '@vetting/contracts';
import {
  createLogger,
  createMetrics,
  createTokenVerifier,
  isDevelopment,
  OpenApiValidator,
  refuseInProduction,
  serveHttp,
  stopInReverse,
  type Logger,
  type Stop,
} from '@vetting/platform';
import { createAuthRoutes } from './api/auth.router';
import { mountApiReference } from './api/api-reference';
import { mountConsole } from './api/console';
import { mountServiceProxies } from './api/service-proxy';
import { createUsersRoutes } from './api/users.router';
import { gatewayUnsafeSettings, serviceUrlsOf, signInSettingsOf, type GatewayConfig } from './config';
import { ensureDevKeys, ensureProductionKeys } from './data/dev-keys';
import { createSignInContext } from './sign-in-context';

/**
 * Starts the gateway: sign-in, account administration, the console, the API reference and the
 * proxies to the services. It has no database, so it builds its HTTP app with serveHttp directly
 * rather than the platform's startService.
 */
export async function startGateway(config: GatewayConfig, overrides: { logger?: Logger } = {}) {
  refuseInProduction(config, gatewayUnsafeSettings(config));
  const logger = overrides.logger ?? createLogger('gateway', config.LOG_LEVEL);
  if (isDevelopment(config)) await ensureDevKeys(config.KEYS_DIR);
  else await ensureProductionKeys(config.KEYS_DIR, config.ADMIN_INITIAL_PASSWORD);
  const { users, state, byAddress, jwks, tokens, accessToken, stops: signInStops } = await createSignInContext(config, logger);
  const stops: Stop[] = [...signInStops];
  const served = await serveHttp({
    service: 'gateway',
    logger,
    metrics: createMetrics('gateway'),
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
        tokens,
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
