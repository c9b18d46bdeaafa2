import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, loadConfig } from '@vetting/platform';
import { randomName, waitFor, testInfra, testServiceBaseEnv } from '@vetting/platform/testing';
import { gatewayConfigSchema } from '../config';
import { startGateway } from '../start-gateway';
import { currentCode } from '../domain/second-factor';

describe('gateway (real Redis)', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let keysDir: string;
  let upstream: Server;
  const seen: { url?: string; correlation?: string } = {};

  beforeAll(async () => {
    const infra = await testInfra();
    keysDir = mkdtempSync(`${tmpdir()}/gw-keys-`);
    upstream = createServer((req, res) => {
      seen.url = req.url;
      seen.correlation = String(req.headers['x-correlation-id']);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"from":"intake"}');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const port = (upstream.address() as { port: number }).port;
    const config = loadConfig(gatewayConfigSchema, {
      ...testServiceBaseEnv(infra, 'gateway'),
      SERVICE_NAME: 'gateway',
      PORT: '0',
      KEYS_DIR: keysDir,
      LOG_LEVEL: 'silent',
      INTAKE_URL: `http://127.0.0.1:${port}`,
      AUDIT_URL: 'http://127.0.0.1:9',
      SIGNIN_FREE_FAILURES: '2',
      SIGNIN_RATE_KEY_PREFIX: `${randomName('signin')}:`,
    });
    gateway = await startGateway(config);
  });
  afterAll(async () => {
    await gateway?.stop();
    upstream?.close();
  });

  const credentials = () =>
    (
      JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as { username: string; password: string; totpSecret?: string }[]
    ).map(({ username, password, totpSecret }) => ({ username, password, totpSecret }));

  it('when a demo user signs in, then the token verifies against the published JWKS and carries role and country', async () => {
    const officer = credentials().find((c) => c.username === 'officer.gh')!;
    const res = await request(gateway.app).post('/api/auth/login').send(officer);
    expect(res.status).toBe(200);
    const jwks = (await request(gateway.app).get('/.well-known/jwks.json')).body;
    const actor = await createTokenVerifier({ jwks, issuer: 'vetting-gateway', audience: 'vetting' })(res.body.token);
    expect(actor).toMatchObject({ id: 'officer.gh', roles: ['tcc-officer'], country: 'GH' });
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
  });

  it('when the password is wrong, then 401 without saying whether the user exists', async () => {
    const wrong = await request(gateway.app).post('/api/auth/login').send({ username: 'screener', password: 'nope' });
    const unknown = await request(gateway.app).post('/api/auth/login').send({ username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.title).toBe(unknown.body.title);
  });

  it('when one username fails more often than allowed, then further attempts wait (429 with Retry-After) instead of locking the account', async () => {
    const target = credentials().find((c) => c.username === 'auditor')!;
    // A burst of guesses: the free ones are answered, the rest must wait.
    const burst = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        request(gateway.app)
          .post('/api/auth/login')
          .send({ username: 'auditor', password: `guess-${i}` }),
      ),
    );
    const refused = burst.filter((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 401).length).toBeLessThanOrEqual(3);
    expect(refused.length).toBeGreaterThan(0);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused[0]!.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    // Never locked: after the wait, the right password gets in.
    await waitFor(
      async () =>
        (await request(gateway.app).post('/api/auth/login').send({ username: 'auditor', password: target.password })).status === 200,
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
  });

  it('when an account of a UN role signs in, then it needs the code of its authenticator, once', async () => {
    const screener = credentials().find((c) => c.username === 'screener')!;
    const noCode = await request(gateway.app).post('/api/auth/login').send({ username: 'screener', password: screener.password });
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('AUTH.SECOND_FACTOR_REQUIRED');
    const code = await currentCode(screener.totpSecret!);
    const ok = await request(gateway.app).post('/api/auth/login').send({ username: 'screener', password: screener.password, code });
    expect(ok.status).toBe(200);
    const again = await request(gateway.app).post('/api/auth/login').send({ username: 'screener', password: screener.password, code });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('AUTH.SECOND_FACTOR_INVALID');
  });

  it('when a session is refreshed, then the refresh token is spent; presenting the spent one ends the session', async () => {
    const officer = credentials().find((c) => c.username === 'officer.np')!;
    const signedIn = (await request(gateway.app).post('/api/auth/login').send({ username: officer.username, password: officer.password }))
      .body;
    expect(Date.parse(signedIn.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000 + 5000);
    const next = await request(gateway.app).post('/api/auth/refresh').send({ refreshToken: signedIn.refreshToken });
    expect(next.status).toBe(200);
    expect(next.body.refreshToken).not.toBe(signedIn.refreshToken);
    expect((await request(gateway.app).post('/api/auth/refresh').send({ refreshToken: signedIn.refreshToken })).status).toBe(401);
    // The reuse ended the session: the newest refresh token no longer works either.
    expect((await request(gateway.app).post('/api/auth/refresh').send({ refreshToken: next.body.refreshToken })).status).toBe(401);
  });

  it('when a request is for /api/<service>/…, then it reaches that service unchanged with a correlation id', async () => {
    const correlation = randomName('corr');
    const res = await request(gateway.app).get('/api/intake/candidates?limit=1').set('x-correlation-id', correlation);
    expect(res.body).toEqual({ from: 'intake' });
    expect(seen).toEqual({ url: '/candidates?limit=1', correlation });
  });

  it('when a service is down, then 502 problem+json naming it', async () => {
    const res = await request(gateway.app).get('/api/audit/chain/verify');
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('GATEWAY.SERVICE_UNAVAILABLE');
  });

  it('when an integrator opens /api/reference/, then every service document is served with gateway paths, each operation saying the roles it needs', async () => {
    const page = await request(gateway.app).get('/api/reference/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect((await request(gateway.app).get('/api/reference/assets/swagger-ui-bundle.js')).status).toBe(200);
    const intake = (await request(gateway.app).get('/api/reference/specs/intake.json')).body;
    expect(intake.servers).toEqual([{ url: '/api/intake' }]);
    expect(intake.paths['/candidates'].post.description).toMatch(/^\*\*Roles:\*\* `tcc-officer`/);
    expect(intake.paths['/candidates'].post.requestBody.content['application/json'].examples.soldier.value.nomination).toBeDefined();
    const gatewayDoc = (await request(gateway.app).get('/api/reference/specs/gateway.json')).body;
    expect(gatewayDoc.paths['/api/auth/login'].post.description).toMatch(/public/);
    expect((await request(gateway.app).get('/api/reference/specs/secrets.json')).status).toBe(404);
  });
});
