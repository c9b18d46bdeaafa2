import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestIssuer, type TestIssuer } from '../testing/test-issuer';
import { createLogger } from '../logging/logger';
import { createMetrics } from '../metrics/metrics';
import { createTokenVerifier } from './auth';
import { createHttpApp } from './create-http-app';
import { OpenApiValidator } from './openapi-validator';
import { createServiceTokenSource, createServiceTokenVerifier, SERVICE_TOKEN_ISSUER } from './service-token';

const spec = fileURLToPath(new URL('../testing/test-api.yaml', import.meta.url));

describe('service-to-service tokens', () => {
  let issuer: TestIssuer;
  let app: ReturnType<typeof createHttpApp>;
  let keysDir: string;
  const seen: string[] = [];

  beforeAll(async () => {
    issuer = await createTestIssuer();
    keysDir = mkdtempSync(`${tmpdir()}/svc-keys-`);
    app = createHttpApp({
      service: 'receiver',
      logger: createLogger('test', 'silent'),
      metrics: createMetrics('test'),
      validator: new OpenApiValidator(spec),
      verifyToken: createTokenVerifier({
        jwks: issuer.jwks,
        issuer: issuer.issuer,
        audience: issuer.audience,
        serviceTokens: createServiceTokenVerifier({ dir: keysDir, audience: issuer.audience }),
      }),
      routes: (r) => void r.post('/internal/ping', (req, res) => void (seen.push(req.actor!.id), res.json({ ok: true }))),
    });
  });

  const ping = (token?: string) => {
    const r = request(app).post('/internal/ping');
    return token ? r.set('authorization', `Bearer ${token}`) : r;
  };

  it('when a service calls with its own token (key generated on first start), then it is accepted as that service', async () => {
    const source = await createServiceTokenSource({ service: 'clearance', dir: keysDir, audience: issuer.audience });
    const res = await ping(await source.token());
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toBe('clearance');
    expect(await source.token()).toBe(await source.token()); // reused until close to expiry
  });

  it('when a service-only operation is called without a token, then 401', async () => {
    expect((await ping()).status).toBe(401);
  });

  it('when a user token (even admin) calls a service-only operation, then 403', async () => {
    const res = await ping(await issuer.token({ roles: ['admin'] }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.FORBIDDEN_ROLE');
  });

  it('when a user issuer mints a token with the service role, then it is refused', async () => {
    expect((await ping(await issuer.token({ roles: ['service'] }))).status).toBe(401);
  });

  it('when a service token is signed by a key the receiver does not know, then 401', async () => {
    const stranger = await createServiceTokenSource({
      service: 'intake',
      dir: mkdtempSync(`${tmpdir()}/other-keys-`),
      audience: issuer.audience,
    });
    const res = await ping(await stranger.token());
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('when a service signs a token naming another service, then 401', async () => {
    const { importJWK } = await import('jose');
    const { readFileSync } = await import('node:fs');
    await createServiceTokenSource({ service: 'screening', dir: keysDir, audience: issuer.audience });
    const jwk = JSON.parse(readFileSync(`${keysDir}/screening.private.jwk.json`, 'utf8'));
    const forged = await new SignJWT({ roles: ['service'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: jwk.kid })
      .setIssuer(SERVICE_TOKEN_ISSUER)
      .setSubject('audit')
      .setAudience(issuer.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(jwk, 'EdDSA'));
    expect((await ping(forged)).status).toBe(401);
  });

  it('when a service token has expired, then 401', async () => {
    const source = await createServiceTokenSource({ service: 'references', dir: keysDir, audience: issuer.audience, ttlSeconds: -10 });
    expect((await ping(await source.token())).status).toBe(401);
  });
});
