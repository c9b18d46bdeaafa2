import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestIssuer, type TestIssuer } from '../testing/test-issuer';
import { createLogger } from '../logging/logger';
import { createMetrics } from '../metrics/metrics';
import { createTokenVerifier } from './auth';
import { createHttpApp } from './create-http-app';
import { OpenApiValidator } from './openapi-validator';

const spec = fileURLToPath(new URL('../testing/test-api.yaml', import.meta.url));

describe('createHttpApp', () => {
  let issuer: TestIssuer;
  let app: ReturnType<typeof createHttpApp>;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    app = createHttpApp({
      service: 'test',
      logger: createLogger('test', 'silent'),
      metrics: createMetrics('test'),
      validator: new OpenApiValidator(spec),
      verifyToken: createTokenVerifier({ jwks: issuer.jwks, issuer: issuer.issuer, audience: issuer.audience }),
      routes: (r) => {
        r.post('/things', (req, res) => void res.status(201).json(req.body));
        r.get('/things/:id', (req, res) => void res.json({ id: req.params.id, limit: req.validated?.query.limit }));
        r.get('/things/:id/parts', (req, res) => void res.json({ id: req.params.id }));
        r.get('/public', (_req, res) => void res.json({ ok: true }));
      },
    });
  });

  const officer = () => issuer.token({ roles: ['tcc-officer'], country: 'GH' });

  it('when a body field has the wrong format, then it answers 400 problem+json naming the field', async () => {
    const res = await request(app)
      .post('/things')
      .set('authorization', `Bearer ${await officer()}`)
      .send({ name: 'A', born: '12/03/1980' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'HTTP.INVALID_REQUEST' });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'body/born' }));
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('when a declared header breaks its schema (any letter case), then 400 naming it; a valid one passes', async () => {
    const token = await officer();
    const bad = await request(app)
      .post('/things')
      .set('authorization', `Bearer ${token}`)
      .set('IDEMPOTENCY-KEY', 'x y')
      .send({ name: 'A', born: '1980' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'header/idempotency-key' }));
    expect(
      (
        await request(app)
          .post('/things')
          .set('authorization', `Bearer ${token}`)
          .set('Idempotency-Key', 'key-00000001')
          .send({ name: 'A', born: '1980' })
      ).status,
    ).toBe(201);
  });

  it('when a required field is missing or an unknown one is sent, then both are named', async () => {
    const res = await request(app)
      .post('/things')
      .set('authorization', `Bearer ${await officer()}`)
      .send({ born: '1980', admin: true });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body/name', 'body/admin']));
  });

  it('when the body is not JSON, then it answers 400 saying so', async () => {
    const res = await request(app)
      .post('/things')
      .set('authorization', `Bearer ${await officer()}`)
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('HTTP.MALFORMED_JSON');
  });

  it('when no token is sent, then 401; when the role is wrong, then 403', async () => {
    expect((await request(app).post('/things').send({ name: 'A', born: '1980' })).status).toBe(401);
    const screener = await issuer.token({ roles: ['un-screener'] });
    const res = await request(app).post('/things').set('authorization', `Bearer ${screener}`).send({ name: 'A', born: '1980' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.FORBIDDEN_ROLE');
  });

  it('when a token is signed by another key, then it is refused', async () => {
    const stranger = await createTestIssuer();
    const res = await request(app)
      .get('/things/abc')
      .set('authorization', `Bearer ${await stranger.token({ roles: ['admin'] })}`);
    expect(res.status).toBe(401);
  });

  it('when query parameters are valid, then they arrive coerced to their types', async () => {
    const res = await request(app)
      .get('/things/abc?limit=3')
      .set('authorization', `Bearer ${await officer()}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'abc', limit: 3 });
  });

  it('when a path or query parameter breaks the contract, then 400 names it', async () => {
    const token = `Bearer ${await officer()}`;
    const bad = await request(app).get('/things/ABC!').set('authorization', token);
    expect(bad.body.errors[0].field).toBe('path/id');
    const res = await request(app).get('/things/abc?limit=99').set('authorization', token);
    expect(res.body.errors[0].field).toBe('query/limit');
  });

  it('when a path parameter is a shared reference to components/parameters, then its pattern still holds', async () => {
    const token = `Bearer ${await officer()}`;
    const bad = await request(app).get('/things/ABC!/parts').set('authorization', token);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('path/id');
    expect((await request(app).get('/things/abc/parts').set('authorization', token)).status).toBe(200);
  });

  it('when a route is not documented, then 404; when the method is not, then 405', async () => {
    expect((await request(app).get('/nothing')).status).toBe(404);
    expect((await request(app).delete('/things/abc')).status).toBe(405);
  });

  it('when an operation is public, then it needs no token; health and metrics are served', async () => {
    expect((await request(app).get('/public')).status).toBe(200);
    expect((await request(app).get('/healthz')).body.status).toBe('ok');
    const metrics = await request(app).get('/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds');
  });

  it('when a correlation id is sent, then it is echoed back', async () => {
    const res = await request(app).get('/public').set('x-correlation-id', 'corr-123');
    expect(res.headers['x-correlation-id']).toBe('corr-123');
  });
});
