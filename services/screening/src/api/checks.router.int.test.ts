import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@vetting/platform';
import { createRateLimiter } from '@vetting/platform';
import { publishList, startTestScreening } from '../testing/fixtures';

describe('check before deployment (real Redis, Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;
  beforeAll(async () => {
    t = await startTestScreening({ CHECK_RATE_CAPACITY: '3', CHECK_RATE_PER_MINUTE: '1' });
    await publishList(t.service.app, t.screener, 'bar', [
      { id: 'BAR-1', name: 'Tariq Mehmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK', passport: 'AB9081726' },
      { id: 'BAR-2', name: 'Olena Viktorivna Hrytsenko', dateOfBirth: '1988', nationality: 'UA' },
    ]);
  });
  afterAll(async () => t?.service.stop());

  const check = (auth: string, body: Record<string, unknown>) =>
    request(t.service.app).post('/checks').set('authorization', auth).send(body);

  it('when an officer searches, then ranked hits with explanations come back and the search is stored and recorded', async () => {
    const auth = await t.bearer('searcher-1', ['un-screener']);
    const res = await check(auth, { names: ['Tariq Mahmood Kadir'], dateOfBirth: '1979', purpose: 'pre-deployment check, rotation R4' });
    expect(res.status).toBe(200);
    expect(res.body.hits[0]).toMatchObject({ listId: 'bar', entryId: 'BAR-1' });
    expect(res.body.hits[0].features.length).toBeGreaterThan(0);
    expect(res.body.listVersions).toEqual([expect.objectContaining({ listId: 'bar', version: 1 })]);
    const stored = await t.service.runtime.db.collection('checks').findOne({ _id: res.body.checkId } as never);
    expect(stored).toMatchObject({
      actor: 'searcher-1',
      purpose: 'pre-deployment check, rotation R4',
      hits: [expect.objectContaining({ entryId: 'BAR-1' })],
    });
    const access = await t.service.runtime.db.collection('access_outbox').findOne({ 'outbox.subject': `check:${res.body.checkId}` });
    expect(access).toBeTruthy();
    const byDocument = await check(auth, {
      names: ['T. Qadir'],
      documents: [{ type: 'passport', number: 'AB 908 1726' }],
      purpose: 'document check',
    });
    expect(byDocument.body.hits[0]).toMatchObject({ entryId: 'BAR-1', band: 'match' });
  });

  it('when a listed name is typed with look-alike letters of another script, then the check still finds it and tells the officer', async () => {
    const auth = await t.bearer('searcher-4', ['un-screener']);
    // Greek Ο and Η, Cyrillic у, ѕ and о: transliterated, this reads "irutdzenko" and the listed person is missed
    const res = await check(auth, { names: ['Οlena Viktorivna Ηrуtѕenkо'], purpose: 'pre-deployment check, rotation R4' });
    expect(res.status).toBe(200);
    expect(res.body.hits[0]).toMatchObject({ entryId: 'BAR-2', band: 'possible-match' });
    const name = res.body.hits[0].features.find((f: { feature: string }) => f.feature === 'name');
    expect(name.reasons.map((r: { key: string }) => r.key)).toContain('name.look-alike-letters');
  });

  it('when a user exceeds the bucket, then 429 problem+json with Retry-After, while another user still searches', async () => {
    const auth = await t.bearer('searcher-2', ['un-screener']);
    for (let i = 0; i < 3; i++)
      expect((await check(auth, { names: [`Person Number ${i}`], purpose: 'enumeration attempt' })).status).toBe(200);
    const limited = await check(auth, { names: ['Person Number 4'], purpose: 'enumeration attempt' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.code).toBe('CHECK.RATE_LIMITED');
    const other = await check(await t.bearer('searcher-3', ['un-screener']), { names: ['Someone Else'], purpose: 'routine' });
    expect(other.status).toBe(200);
  });

  it('when a TCC officer or a bad body arrives, then it is refused naming the field', async () => {
    expect((await check(t.tcc, { names: ['X Y'], purpose: 'x y z' })).status).toBe(403);
    const bad = await check(t.screener, { names: [], purpose: 'routine' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body/names');
  });

  it('when Redis cannot be reached, then the limiter fails closed with a retriable 503', async () => {
    const limiter = createRateLimiter({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'x:', capacity: 1, perMinute: 1 });
    const error = await limiter.take('u').catch((e: unknown) => e);
    await limiter.close();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
  });
});
