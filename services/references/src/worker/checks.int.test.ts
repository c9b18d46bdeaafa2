import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { signRequest } from '@vetting/platform';
import { BUILT_IN_RULES } from '@vetting/policy';
import { CALLBACK_SECRETS, startHarness, type Harness } from '../testing/harness';
import { openReferenceSets } from '../use-cases/open-reference-set.use-case';

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  names: [{ full: name }],
  dateOfBirth: '1988-03',
  nationalities: ['GH'],
  ...extra,
});

describe('reference and record checks (real Kafka, FerretDB, Redis; simulated authorities)', () => {
  let h: Harness;
  let screener: string;
  const check = (id: string) => h.service.ctx.checks.load(id);
  const eventsOf = (type: string, checkId?: string) =>
    h.events.filter((e) => e.type === type && (!checkId || (e.data as { checkId?: string }).checkId === checkId));

  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '600000' } });
    screener = await h.token(['un-screener']);
  });
  afterAll(async () => h?.stop());

  it('when a uniformed candidate with a prior employer is submitted, then every check type runs against its simulator and references.completed is published once', async () => {
    await h.employer('Aid Org', 'hr@aid.example', ['aid.example']);
    const id = await h.submit(
      person('Kwame Mensah', {
        previousEmployers: [{ name: 'Aid Org', role: 'Driver', contactEmail: 'hr@aid.example', from: '2020-01', to: '2025-06' }],
      }),
    );
    h.sims.script(`${id}.1.un-records`, ['accepted']);
    const done = await waitFor(() => eventsOf('references.completed').find((e) => e.subject === id), {
      timeoutMs: 30_000,
      message: 'references.completed',
    });
    const results = (done.data as { checks: { checkType: string; result: string }[] }).checks;
    expect(results.map((c) => c.checkType).sort()).toEqual([
      'disciplinary-record',
      'misconduct-disclosure',
      'national-criminal-record',
      'un-records',
    ]);
    expect(results.every((c) => c.result === 'no-adverse')).toBe(true);
    expect((await check(`${id}.1.un-records`))?.resultSource).toBe('callback');
    expect((await check(`${id}.1.misconduct-disclosure.1`))?.resultSource).toBe('referee');
    expect(eventsOf('reference.check-requested').filter((e) => e.subject === id)).toHaveLength(4);
    await waitFor(() => eventsOf('reference.check-completed').filter((e) => e.subject === id).length >= 4);
    expect(eventsOf('references.completed').filter((e) => e.subject === id)).toHaveLength(1);
    const view = await request(h.service.app).get(`/candidates/${id}/checks`).set('authorization', screener);
    expect(view.status).toBe(200);
    // No version was published in this test: the built-in rules (version 0) planned the set.
    expect(view.body).toMatchObject({ completed: true, policyVersion: 0 });
  });

  it('when clearance publishes a new policy version, then the next sets are planned under it and record it', async () => {
    const rules = { ...BUILT_IN_RULES, employmentLookbackYears: 1 };
    await h.publish('clearance', 'clearance.policy-published', 'clearance-policy', {
      version: 3,
      createdBy: 'admin-1',
      createdAt: new Date().toISOString(),
      rules,
    });
    await waitFor(async () => ((await h.service.ctx.policies.current()).version === 3 ? true : undefined), {
      timeoutMs: 60_000,
      message: 'policy v3 received',
    });
    // Ended two years ago: outside a one-year look-back, so no disclosure is asked.
    const ended = `${new Date().getUTCFullYear() - 2}-01`;
    const id = await h.submit(
      person('Esi Mensah', {
        previousEmployers: [{ name: 'Gone Org', role: 'Clerk', contactEmail: 'hr@gone.example', from: '2015-01', to: ended }],
      }),
      'civilian',
    );
    const set = await waitFor(() => h.service.ctx.sets.latestFor(id), { timeoutMs: 60_000 });
    expect(set).toMatchObject({ policyVersion: 3 });
    expect(set!.checks.map((c) => c.checkType)).toEqual(['national-criminal-record', 'un-records']);
  });

  it('when no prior employer is listed, then only the record checks run', async () => {
    const id = await h.submit(person('Ama Owusu'), 'civilian');
    const done = await waitFor(() => eventsOf('references.completed').find((e) => e.subject === id), { timeoutMs: 20_000 });
    expect((done.data as { checks: { checkType: string }[] }).checks.map((c) => c.checkType).sort()).toEqual([
      'national-criminal-record',
      'un-records',
    ]);
  });

  it('when a batch of candidate revisions is opened twice (a redelivery, a resumed batch), then each set, check and job exists once', async () => {
    const batch = ['x1', 'x2'].map((n) => ({
      candidateId: `c-batch-${n}-${Date.now().toString(36)}`,
      country: 'GH',
      revision: 1,
      nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'civilian' as const },
      person: { names: [{ full: `Batch ${n}` }] as [{ full: string }] },
      consent: { given: true as const, formVersion: 'v1', recordedAt: new Date().toISOString() },
    }));
    const first = await openReferenceSets(batch, h.service.ctx);
    const again = await openReferenceSets([...batch, batch[0]!], h.service.ctx);
    expect(first).toMatchObject({ setsStored: 2, checks: 4, checksOpened: 4 });
    expect(again).toMatchObject({ setsStored: 0, checksOpened: 0 });
    for (const c of batch) {
      for (const type of ['national-criminal-record', 'un-records'] as const) {
        const checkId = `${c.candidateId}.1.${type}`;
        expect(await h.service.ctx.checks.revisions.countDocuments({ causedBy: `open:${checkId}` })).toBe(1);
        expect(await h.service.ctx.producer.queueOf(type).getJob(checkId)).toBeDefined();
      }
      await waitFor(() => eventsOf('reference.check-requested').filter((e) => e.subject === c.candidateId).length === 2, {
        timeoutMs: 30_000,
      });
    }
  });

  it('when an authority answers 503, then 429 with Retry-After, then a malformed body, then a timeout, then the check still completes once', async () => {
    const id = await h.submit(person('Kofi ADVERSE Boateng'), 'civilian');
    const checkId = `${id}.1.national-criminal-record`;
    h.sims.script(checkId, ['server-error', 'rate-limited', 'malformed', 'timeout', 'ok']);
    const done = await waitFor(async () => ((await check(checkId))?.state === 'completed' ? check(checkId) : undefined), {
      timeoutMs: 30_000,
    });
    expect(done).toMatchObject({ result: 'adverse', resultSource: 'response' });
    expect(h.sims.stats[`check ${checkId}`]).toBe(5);
    expect(await h.service.ctx.checks.countRevisions({ causedBy: `result:${checkId}:1` })).toBe(1);
    await waitFor(() => eventsOf('reference.check-completed', checkId).length === 1);
  });

  it('when an authority refuses a check permanently, then it is failed and listed, and an operator retry completes it', async () => {
    const id = await h.submit(person('INVALID Record'), 'civilian');
    const checkId = `${id}.1.un-records`;
    const failed = await waitFor(async () => ((await check(checkId))?.state === 'failed' ? check(checkId) : undefined), {
      timeoutMs: 20_000,
    });
    expect(failed?.attempts).toBe(1); // UnrecoverableError: no retries
    await waitFor(() => eventsOf('reference.check-failed', checkId).length === 1);
    const list = await waitFor(async () => {
      const res = await request(h.service.app).get('/checks?state=failed').set('authorization', screener);
      return res.body.items?.some((c: { checkId: string }) => c.checkId === checkId) ? res : undefined;
    });
    expect(list.body.items[0]).not.toHaveProperty('subject');
    expect((await request(h.service.app).post(`/checks/${id}.1.nothing/retry`).set('authorization', screener)).status).toBe(404);
    const national = `${id}.1.national-criminal-record`;
    for (const failedId of [checkId, national]) {
      await waitFor(async () => (await check(failedId))?.state === 'failed');
      h.sims.script(failedId, ['ok']);
      const retried = await request(h.service.app).post(`/checks/${failedId}/retry`).set('authorization', screener);
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ state: 'requested', round: 2 });
    }
    await waitFor(async () => (await check(checkId))?.state === 'completed', { timeoutMs: 20_000 });
    const twice = await request(h.service.app).post(`/checks/${checkId}/retry`).set('authorization', screener);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CHECK.NOT_FAILED');
    await waitFor(() => eventsOf('references.completed').some((e) => e.subject === id), { timeoutMs: 20_000 });
  });

  it('when callbacks are unsigned, for unknown checks or repeated, then they get a clear 4xx or a duplicate and nothing changes', async () => {
    const id = await h.submit(person('Yaw Asante'), 'civilian');
    const checkId = `${id}.1.un-records`;
    h.sims.script(checkId, ['accepted']);
    const done = await waitFor(async () => ((await check(checkId))?.state === 'completed' ? check(checkId) : undefined), {
      timeoutMs: 20_000,
    });
    const body = JSON.stringify({ externalRef: done!.externalRef ?? `un-records-${checkId}`, result: 'no-adverse' });
    const post = (path: string, signature: string, payload = body) =>
      request(h.service.app).post(path).set('content-type', 'application/json').set('x-signature', signature).send(payload);
    const signed = (path: string, payload = body) => signRequest(CALLBACK_SECRETS.UN, { method: 'POST', path, body: payload });
    expect((await post(`/callbacks/${checkId}`, 'sha256=00')).status).toBe(401);
    // An unknown check is answered like a bad signature: nothing to learn about which checks exist.
    expect((await post(`/callbacks/${id}.1.nothing`, signed(`/callbacks/${id}.1.nothing`))).status).toBe(401);
    const again = await post(`/callbacks/${checkId}`, signed(`/callbacks/${checkId}`));
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    const flipped = JSON.stringify({ externalRef: done!.externalRef, result: 'adverse' });
    expect((await post(`/callbacks/${checkId}`, signed(`/callbacks/${checkId}`, flipped), flipped)).status).toBe(409);
    const bad = JSON.stringify({ externalRef: 'x', result: 'maybe' });
    const badRes = await post(`/callbacks/${checkId}`, signed(`/callbacks/${checkId}`, bad), bad);
    expect(badRes.status).toBe(400);
    expect(badRes.body.errors[0].field).toBe('body/result');
    expect((await check(checkId))?.result).toBe('no-adverse');
    expect(await h.service.ctx.checks.countRevisions({ causedBy: `result:${checkId}:1` })).toBe(1);
    expect(eventsOf('reference.check-completed', checkId).length).toBeLessThanOrEqual(1);
  });
});
