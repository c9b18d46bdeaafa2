import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, createLogger, loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestTopics, deleteTestTopics, randomName, readTopic, testInfra, testServiceBaseEnv } from '@vetting/platform/testing';
import { gatewayConfigSchema } from '../config';
import { startGateway } from '../start-gateway';
import { currentCode } from '../domain/second-factor';

describe('local accounts, managed by an admin (real Redis)', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let keysDir: string;
  let admin: string;
  const prefix = `${randomName('gw')}.`;
  const kafka = () =>
    createKafka({ clientId: 'gw-test', brokers: process.env.KAFKA_BROKERS!.split(','), logger: createLogger('t', 'silent') });
  const signIn = async (username: string, password: string) => {
    const demo = (JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as { username: string; totpSecret?: string }[]).find(
      (c) => c.username === username,
    );
    return request(gateway.app)
      .post('/api/auth/login')
      .send({ username, password, ...(demo?.totpSecret ? { code: await currentCode(demo.totpSecret) } : {}) });
  };

  beforeAll(async () => {
    const infra = await testInfra();
    keysDir = mkdtempSync(`${tmpdir()}/gw-users-`);
    await createTestTopics(kafka(), prefix, 1);
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
    const credentials = JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as { username: string; password: string }[];
    const { password } = credentials.find((c) => c.username === 'admin')!;
    admin = `Bearer ${(await signIn('admin', password)).body.token}`;
  });
  afterAll(async () => {
    await gateway?.stop();
    await deleteTestTopics(kafka(), prefix);
  });

  it('when an admin creates an office account, then it is listed without secrets and signs in with its one-time password', async () => {
    const created = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'officer.sn', name: 'Senegal office', roles: ['tcc-officer'], country: 'SN' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: 'officer.sn',
      roles: ['tcc-officer'],
      country: 'SN',
      disabled: false,
      createdBy: 'admin',
    });
    const listed = await request(gateway.app).get('/api/auth/users').set('authorization', admin);
    expect(listed.body.items.map((u: { username: string }) => u.username)).toContain('officer.sn');
    expect(JSON.stringify(listed.body)).not.toMatch(/salt|passwordHash|totpSecret/);
    const session = await signIn('officer.sn', created.body.password);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ username: 'officer.sn', country: 'SN' });
  });

  it('when an admin disables an account, then it can no longer sign in, and enabling it lets it in again', async () => {
    const created = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'auditor.two', name: 'Second auditor', roles: ['auditor'] });
    const disabled = await request(gateway.app).patch('/api/auth/users/auditor.two').set('authorization', admin).send({ disabled: true });
    expect(disabled.body).toMatchObject({ username: 'auditor.two', disabled: true });
    expect((await signIn('auditor.two', created.body.password)).status).toBe(401);
    await request(gateway.app).patch('/api/auth/users/auditor.two').set('authorization', admin).send({ disabled: false });
    expect((await signIn('auditor.two', created.body.password)).status).toBe(200);
  });

  it('when the input is wrong, then 4xx problem+json naming the field, and nothing is created', async () => {
    const noCountry = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'officer.xx', name: 'X', roles: ['tcc-officer'] });
    expect(noCountry.status).toBe(400);
    expect(noCountry.body.errors).toEqual([expect.objectContaining({ field: '/country' })]);
    const mixed = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'officer.yy', name: 'Y', roles: ['tcc-officer', 'auditor'], country: 'GH' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: '/roles' })]);
    const badRole = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'someone', name: 'X', roles: ['superuser'] });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(badRole.body.errors)).toMatch(/roles/);
    const taken = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'screener', name: 'X', roles: ['un-screener'] });
    expect(taken.status).toBe(409);
    const self = await request(gateway.app).patch('/api/auth/users/admin').set('authorization', admin).send({ disabled: true });
    expect(self.status).toBe(409);
    const listed = (await request(gateway.app).get('/api/auth/users').set('authorization', admin)).body.items.map(
      (u: { username: string }) => u.username,
    );
    expect(listed).not.toContain('officer.xx');
    expect(listed).not.toContain('officer.yy');
    expect(listed).not.toContain('someone');
  });

  it('when someone other than an admin asks, then 403, and without a token 401', async () => {
    const credentials = JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as { username: string; password: string }[];
    const screener = credentials.find((c) => c.username === 'screener')!;
    const token = (await signIn('screener', screener.password)).body.token;
    expect((await request(gateway.app).get('/api/auth/users').set('authorization', `Bearer ${token}`)).status).toBe(403);
    expect((await request(gateway.app).get('/api/auth/users')).status).toBe(401);
  });

  it('when an admin creates, disables and enables an account, then each change is an access.account-changed event on the audited topic, without secrets', async () => {
    const created = await request(gateway.app)
      .post('/api/auth/users')
      .set('authorization', admin)
      .send({ username: 'officer.ke', name: 'Kenya office', roles: ['tcc-officer'], country: 'KE' });
    expect(created.status).toBe(201);
    await request(gateway.app).patch('/api/auth/users/officer.ke').set('authorization', admin).send({ disabled: true }).expect(200);
    await request(gateway.app).patch('/api/auth/users/officer.ke').set('authorization', admin).send({ disabled: false }).expect(200);
    const ours = (read: { value: string }[]) =>
      read
        .map((m) => JSON.parse(m.value) as EventEnvelope)
        .filter((e) => e.type === 'access.account-changed' && e.subject === 'officer.ke');
    const read = await readTopic(kafka(), `${prefix}vetting.access`, (r) => ours(r).length >= 3, 60_000);
    expect(ours(read).map((e) => e.data)).toEqual([
      { actor: 'admin', action: 'account-created', account: 'officer.ke', roles: ['tcc-officer'], country: 'KE', at: expect.any(String) },
      { actor: 'admin', action: 'account-disabled', account: 'officer.ke', roles: ['tcc-officer'], country: 'KE', at: expect.any(String) },
      { actor: 'admin', action: 'account-enabled', account: 'officer.ke', roles: ['tcc-officer'], country: 'KE', at: expect.any(String) },
    ]);
    expect(JSON.stringify(ours(read))).not.toContain(created.body.password);
    expect(JSON.stringify(ours(read))).not.toMatch(/salt|passwordHash/);
  });
});
