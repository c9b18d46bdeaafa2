import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, loadConfig } from '@vetting/platform';
import { randomName, testInfra, testServiceBaseEnv } from '@vetting/platform/testing';
import { gatewayConfigSchema } from '../config';
import { startGateway } from '../start-gateway';

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
      ...testServiceBaseEnv(infra, 'gateway'), SERVICE_NAME: 'gateway', PORT: '0', KEYS_DIR: keysDir, LOG_LEVEL: 'silent',
      INTAKE_URL: `http://127.0.0.1:${port}`, AUDIT_URL: 'http://127.0.0.1:9', SIGNIN_ATTEMPTS_PER_MINUTE: '3', SIGNIN_RATE_KEY_PREFIX: `${randomName('signin')}:`,
    });
    gateway = await startGateway(config);
  });
  afterAll(async () => {
    await gateway?.stop();
    upstream?.close();
  });

  const credentials = () =>
    (JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as { username: string; password: string }[]).map(({ username, password }) => ({ username, password }));

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

  it('when one username is tried too often, then 429 with Retry-After, even with the right password', async () => {
    const target = credentials().find((c) => c.username === 'auditor')!;
    for (let i = 0; i < 3; i++) await request(gateway.app).post('/api/auth/login').send({ username: 'auditor', password: `guess-${i}` });
    const res = await request(gateway.app).post('/api/auth/login').send(target);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
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

