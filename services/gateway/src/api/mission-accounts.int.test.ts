import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, createLogger, loadConfig } from '@vetting/platform';
import { createTestTopics, deleteTestTopics, randomName, testInfra, testServiceBaseEnv } from '@vetting/platform/testing';
import { gatewayConfigSchema } from '../config';
import { startGateway } from '../start-gateway';
import { currentCode } from '../domain/second-factor';

describe('UN officers scoped to missions (real Redis and Kafka)', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let admin: string;
  const prefix = `${randomName('gwm')}.`;
  let kafka: ReturnType<typeof createKafka>;
  const signIn = (username: string, password: string, code?: string) =>
    request(gateway.app)
      .post('/api/auth/login')
      .send({ username, password, ...(code ? { code } : {}) });
  /** A new UN account's first sign-in: it enrols its authenticator (the second factor UN roles need) and is signed in. */
  const firstSignIn = async (username: string, password: string) => {
    const offered = await signIn(username, password);
    expect(offered.body.code).toBe('AUTH.SECOND_FACTOR_ENROLMENT_REQUIRED');
    const { secret, enrolmentToken } = offered.body.enrolment as { secret: string; enrolmentToken: string };
    return request(gateway.app)
      .post('/api/auth/second-factor')
      .send({ enrolmentToken, code: await currentCode(secret) });
  };

  beforeAll(async () => {
    const infra = await testInfra();
    const keysDir = mkdtempSync(`${tmpdir()}/gw-missions-`);
    kafka = createKafka({ clientId: 'gw-missions-test', brokers: infra.kafkaBrokers, logger: createLogger('t', 'silent') });
    await createTestTopics(kafka, prefix, 1);
    gateway = await startGateway(
      loadConfig(gatewayConfigSchema, {
        ...testServiceBaseEnv(infra, 'gateway'),
        SERVICE_NAME: 'gateway',
        PORT: '0',
        KEYS_DIR: keysDir,
        LOG_LEVEL: 'silent',
        SIGNIN_RATE_KEY_PREFIX: `${randomName('signin')}:`,
        TOPIC_PREFIX: prefix,
      }),
    );
    const { password, totpSecret } = (
      JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as { username: string; password: string; totpSecret: string }[]
    ).find((c) => c.username === 'admin')!;
    admin = `Bearer ${(await signIn('admin', password, await currentCode(totpSecret))).body.token}`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await deleteTestTopics(kafka, prefix);
  });

  it('when an admin limits a screening officer to missions, then the token carries them and the officer sees them as theirs', async () => {
    const created = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({
        username: 'screener.minusca',
        name: 'MINUSCA screening',
        roles: ['un-screener'],
        missions: ['minusca', 'MINUSCA', 'UNMISS'],
      });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: 'screener.minusca', missions: ['MINUSCA', 'UNMISS'] });
    const session = await firstSignIn('screener.minusca', created.body.password);
    const claims = JSON.parse(Buffer.from(session.body.token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims.missions).toEqual(['MINUSCA', 'UNMISS']);
    const me = await request(gateway.app).get('/api/auth/me').set('authorization', `Bearer ${session.body.token}`);
    expect(me.body).toMatchObject({ username: 'screener.minusca', missions: ['MINUSCA', 'UNMISS'] });
  });

  it('when missions are given to an office, an auditor or an admin, then the account is refused naming the field', async () => {
    for (const roles of [['tcc-officer'], ['auditor'], ['admin'], ['un-screener', 'admin']]) {
      const res = await request(gateway.app)
        .post('/api/auth/users')
        .set('authorization', admin)
        .send({
          username: `x.${roles.join('.')}`,
          name: 'X',
          roles,
          ...(roles.includes('tcc-officer') ? { country: 'GH' } : {}),
          missions: ['UNMISS'],
        });
      expect(res.status, roles.join()).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: '/missions' })]);
    }
    expect(
      (await request(gateway.app).get('/api/auth/users').set('authorization', admin)).body.items.map(
        (u: { username: string }) => u.username,
      ),
    ).not.toContain('x.tcc-officer');
  });
});
