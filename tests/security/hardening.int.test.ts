/**
 * Hardening of every HTTP API, checked against real services (in-process, real Kafka, FerretDB,
 * Redis): size limits, strict bodies, MongoDB operator and NUL injection refused before any handler,
 * security headers, CORS locked to the console's origin, and the ad-hoc search's rate limit.
 * (The sign-in rate limit is tested in services/gateway/src/api/gateway.int.test.ts.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import {
  createTestPersonKeys,
  createTestServiceEnv,
  randomName,
  testInfra,
  type TestServiceEnv,
  testServiceBaseEnv,
} from '@vetting/platform/testing';
import { intakeConfigSchema } from '../../services/intake/src/config';
import { startIntake } from '../../services/intake/src/start-intake';
import { screeningConfigSchema } from '../../services/screening/src/config';
import { startScreening } from '../../services/screening/src/start-screening';
import { gatewayConfigSchema } from '../../services/gateway/src/config';
import { startGateway } from '../../services/gateway/src/start-gateway';

const submission = (full: unknown = `Ama Owusu ${randomName('n')}`) => ({
  nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
  person: {
    names: [{ full }],
    dateOfBirth: '1990-05',
    nationalities: ['GH'],
    previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true }],
  },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
});

describe('intake API hardening', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let mongo: MongoClient;
  let officer: string;
  const stored = async () => {
    const db = mongo.db(env.env.MONGO_DB);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    let count = 0;
    for (const name of names) count += await db.collection(name).countDocuments({});
    return count;
  };

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks });
    mongo = await MongoClient.connect((await testInfra()).mongoUrl);
    officer = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
  });
  afterAll(async () => {
    await intake?.stop();
    await mongo?.close();
    await env?.cleanup();
  });

  const post = (body: unknown) =>
    request(intake.app)
      .post('/candidates')
      .set('authorization', officer)
      .send(body as object);

  it('when a body is larger than the limit, then 413 problem+json and nothing is stored', async () => {
    const before = await stored();
    const res = await post({ ...submission(), padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('HTTP.PAYLOAD_TOO_LARGE');
    expect(await stored()).toBe(before);
  });

  it('when a body has a field the contract does not know, then 400 naming it and nothing is stored', async () => {
    const before = await stored();
    const res = await post({ ...submission(), isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'body/isAdmin', reason: 'is not an allowed field' });
    expect(await stored()).toBe(before);
  });

  it('when a MongoDB operator is sent in a body field, then 400 naming the field before any handler, and nothing is stored', async () => {
    const before = await stored();
    const res = await post(submission({ $gt: '' }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('HTTP.UNSAFE_INPUT');
    expect(res.body.errors).toEqual([
      { field: 'body/person/names/0/full/$gt', reason: 'is not an allowed field (operators are not accepted)' },
    ]);
    expect(await stored()).toBe(before);
  });

  it('when an operator is sent as a query parameter (status[$ne]=x), then 400 naming it', async () => {
    const res = await request(intake.app).get('/candidates?status[$ne]=x').set('authorization', officer);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('HTTP.UNSAFE_INPUT');
    expect(res.body.errors[0].field).toBe('query/status[$ne]');
  });

  it('when a string holds a NUL character, then 400 naming the field, not a database error', async () => {
    const res = await post(submission('Ama\u0000Owusu'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body/person/names/0/full', reason: 'must not contain a NUL character' }]);
  });

  it('when a path parameter is malformed percent-encoding, then 400 naming it, not a 500', async () => {
    const res = await request(intake.app).get('/candidates/%E0%A4%A').set('authorization', officer);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'path/candidateId', reason: 'is not valid percent-encoding' }]);
  });

  it('when any answer is sent (success or error), then it carries the security headers and no x-powered-by', async () => {
    for (const res of [
      await request(intake.app).get('/candidates').set('authorization', officer),
      await request(intake.app).get('/candidates'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('when a page on another origin calls a service directly, then no Access-Control-Allow-Origin is sent, preflight included', async () => {
    const get = await request(intake.app).get('/candidates').set('authorization', officer).set('origin', 'https://evil.example');
    const preflight = await request(intake.app)
      .options('/candidates')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });
});

describe('gateway CORS', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  const consoleOrigin = 'https://console.vetting.example';

  beforeAll(async () => {
    const infra = await testInfra();
    gateway = await startGateway(
      loadConfig(gatewayConfigSchema, {
        ...testServiceBaseEnv(infra, 'gateway'),
        SERVICE_NAME: 'gateway',
        PORT: '0',
        KEYS_DIR: mkdtempSync(`${tmpdir()}/gw-cors-`),
        LOG_LEVEL: 'silent',
        CONSOLE_ORIGINS: consoleOrigin,
        SIGNIN_RATE_KEY_PREFIX: `${randomName('cors')}:`,
      }),
    );
  });
  afterAll(async () => gateway?.stop());

  it('when the console origin calls the API, then it is allowed, preflight included', async () => {
    const get = await request(gateway.app).get('/.well-known/jwks.json').set('origin', consoleOrigin);
    const preflight = await request(gateway.app)
      .options('/api/intake/candidates')
      .set('origin', consoleOrigin)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type');
    expect(get.headers['access-control-allow-origin']).toBe(consoleOrigin);
    expect(get.headers.vary).toMatch(/origin/i);
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(consoleOrigin);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
  });

  it('when any other origin calls the API, then no Access-Control-Allow-Origin is sent, preflight included', async () => {
    const get = await request(gateway.app).get('/.well-known/jwks.json').set('origin', 'https://console.vetting.example.evil.example');
    const preflight = await request(gateway.app)
      .options('/api/intake/candidates')
      .set('origin', 'http://console.vetting.example')
      .set('access-control-request-method', 'POST');
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('ad-hoc ban-list search rate limit', () => {
  let env: TestServiceEnv;
  let screening: Awaited<ReturnType<typeof startScreening>>;

  beforeAll(async () => {
    env = await createTestServiceEnv('screening');
    screening = await startScreening(
      loadConfig(screeningConfigSchema, {
        ...env.env,
        CHECK_RATE_CAPACITY: '3',
        CHECK_RATE_PER_MINUTE: '1',
        CHECK_RATE_KEY_PREFIX: `${randomName('checks')}:`,
      }),
      { jwks: env.issuer.jwks, personKeys: (await createTestPersonKeys()).source },
    );
  });
  afterAll(async () => {
    await screening?.stop();
    await env?.cleanup();
  });

  it('when one screener searches faster than the limit, then 429 with Retry-After, while another screener still may search', async () => {
    const token = (sub: string) => env.issuer.token({ sub, roles: ['un-screener'] }).then((t) => `Bearer ${t}`);
    const [busy, other] = await Promise.all([token('screener-busy'), token('screener-other')]);
    const search = (auth: string, i: number) =>
      request(screening.app)
        .post('/checks')
        .set('authorization', auth)
        .send({ names: [`Person Number ${i}`], purpose: 'rate limit test' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await search(busy, i)).status);
    const refused = await search(busy, 4);
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await search(other, 5)).status).toBe(200);
  });
});
