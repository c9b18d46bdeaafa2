import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { referencesConfigSchema } from '../config';
import type { Check } from '../domain/check';
import { startHarness, type Harness } from '../testing/harness';
import { startReferencesWorker } from '../worker/start-worker';

const recently = `${new Date().getUTCFullYear() - 2}-01`;
const job = (name: string, typed: string) => ({ name, role: 'Field officer', contactEmail: typed, from: recently });
const person = (name: string, ...previousEmployers: ReturnType<typeof job>[]) => ({ names: [{ full: name }], previousEmployers });
const disclosure = (id: string, revision = 1) => `${id}.${revision}.misconduct-disclosure.1`;

/** Waits until the references consumer has handled everything published on vetting.candidates (its committed offsets reach the end). */
async function handledAll(h: Harness) {
  const admin = h.env.kafka.admin();
  await admin.connect();
  try {
    const topic = `${h.env.prefix}vetting.candidates`;
    await waitFor(
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [group] = await admin.fetchOffsets({ groupId: `${h.env.prefix}references`, topics: [topic] });
        return ends.every((e) => e.high === '0' || group!.partitions.find((p) => p.partition === e.partition)?.offset === e.high);
      },
      { timeoutMs: 60_000, message: 'the candidates topic handled' },
    );
  } finally {
    await admin.disconnect();
  }
}

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('a withdrawn nomination ends its checks not yet sent (real Kafka, FerretDB, Redis)', () => {
  describe('held and queued checks', () => {
    let h: Harness;
    let screener: string;
    const state = async (checkId: string) => (await h.service.ctx.checks.load(checkId))?.state;
    const isIn = (checkId: string, want: string) =>
      waitFor(async () => (await state(checkId)) === want, { timeoutMs: 90_000, message: `${checkId} ${want}` });
    const withdrawnEvents = (checkId: string) =>
      h.events.filter((e) => e.type === 'reference.check-withdrawn' && (e.data as { checkId: string }).checkId === checkId);

    // No worker yet: the record checks stay queued, as they would behind a busy or stopped worker.
    beforeAll(async () => {
      h = await startHarness({ worker: false, env: { REFEREE_DEADLINE_MS: '600000' } });
      screener = await h.token(['un-screener']);
    });
    afterAll(async () => h?.stop());

    it('when the office withdraws a nomination, then its held request and its queued checks end withdrawn once each, with their events, however often the withdrawal is redelivered, and the worker never sends them', async () => {
      const id = await h.submit(person('Dawit Bekele', job('Addis Relief Partners', 'hr@addis-relief.example')), 'civilian');
      await isIn(disclosure(id), 'awaiting-contact');
      const set = await waitFor(() => h.service.ctx.sets.get(`${id}.1`), { timeoutMs: 30_000, message: 'the reference set' });
      const queued = set.checks.filter((c) => c.checkType !== 'misconduct-disclosure');
      expect(queued.length).toBeGreaterThan(0);
      for (const c of queued) expect(await state(c.checkId)).toBe('requested');

      const withdrawal = await h.withdraw(id, 1);
      for (const c of set.checks) await isIn(c.checkId, 'withdrawn');
      expect(((await h.service.ctx.checks.load(disclosure(id))) as Check).withdrawal).toMatchObject({
        from: 'awaiting-contact',
        revision: 1,
      });
      expect(((await h.service.ctx.checks.load(queued[0]!.checkId)) as Check).withdrawal).toMatchObject({ from: 'requested', revision: 1 });
      const event = await waitFor(() => withdrawnEvents(disclosure(id))[0], { timeoutMs: 30_000, message: 'reference.check-withdrawn' });
      expect(event.data).toEqual({
        candidateId: id,
        country: 'GH',
        checkId: disclosure(id),
        checkType: 'misconduct-disclosure',
        candidateRevision: 1,
        withdrawnRevision: 1,
        previousState: 'awaiting-contact',
      });
      // Events carry no details: neither the employer nor the office's reason.
      expect(JSON.stringify(event.data)).not.toMatch(/addis|rotation/i);

      // Redelivered: nothing applied twice (one transition, one event per check).
      await h.redeliver(withdrawal);
      await handledAll(h);
      for (const c of set.checks) {
        expect(await h.service.ctx.checks.countRevisions({ aggregateId: c.checkId })).toBe(2);
        await waitFor(() => withdrawnEvents(c.checkId)[0], { timeoutMs: 30_000, message: `${c.checkId} withdrawn event` });
        expect(withdrawnEvents(c.checkId)).toHaveLength(1);
      }
      const listed = await request(h.service.app).get('/checks?state=withdrawn').set('authorization', screener);
      expect(listed.body.items.map((c: { checkId: string }) => c.checkId)).toEqual(
        expect.arrayContaining(set.checks.map((c) => c.checkId)),
      );

      // The worker starts and takes the queued jobs: it sends none of them.
      const worker = await startReferencesWorker(loadConfig(referencesConfigSchema, h.workerEnv));
      try {
        for (const c of queued) {
          await waitFor(
            async () => (await (await h.service.ctx.producer.queueOf(c.checkType).getJob(c.checkId))?.getState()) === 'completed',
            { timeoutMs: 90_000, message: `${c.checkId} job done` },
          );
          expect(h.sims.stats[`check ${c.checkId}`]).toBeUndefined();
          expect(await state(c.checkId)).toBe('withdrawn');
        }
      } finally {
        await worker.stop();
      }
      expect(await h.service.ctx.mailbox.list('hr@addis-relief.example')).toEqual([]);
    }, 180_000);

    it('when a nomination arrives after its withdrawal (a replayed event), then its checks end withdrawn at once and none is queued', async () => {
      const id = await h.submit(person('Tsion Haile', job('Rift Valley Aid', 'hr@riftvalley-aid.example')), 'civilian');
      await isIn(disclosure(id), 'awaiting-contact');
      await h.withdraw(id, 1);
      await isIn(disclosure(id), 'withdrawn');
      await h.correct(id, 2, person('Tsion Haile', job('Rift Valley Aid', 'hr@riftvalley-aid.example')), 'civilian');
      const set = await waitFor(() => h.service.ctx.sets.get(`${id}.2`), { timeoutMs: 60_000, message: 'the replayed revision’s set' });
      expect(set.checks.length).toBeGreaterThan(1);
      for (const c of set.checks) {
        await isIn(c.checkId, 'withdrawn');
        expect(await h.service.ctx.producer.queueOf(c.checkType).getJob(c.checkId)).toBeUndefined();
      }
    }, 180_000);

    it('when a screening officer confirms the held contact of a withdrawn candidate, then it is a 409 naming the state, nothing is sent and the directory is not changed', async () => {
      const id = await h.submit(person('Hana Tesfaye', job('Blue Nile Care', 'hr@bluenile-care.example')), 'civilian');
      await isIn(disclosure(id), 'awaiting-contact');
      await h.withdraw(id, 1);
      // The officer acts once the withdrawal is handled (without the rule, the request would still be held and confirmable).
      await handledAll(h);
      const queue = await request(h.service.app).get('/contact-confirmations').set('authorization', screener);
      expect(queue.body.items.map((i: { checkId: string }) => i.checkId)).not.toContain(disclosure(id));

      const confirmed = await request(h.service.app)
        .post(`/contact-confirmations/${disclosure(id)}`)
        .set('authorization', screener)
        .send({
          decision: 'verified-contact',
          contactEmail: 'people@bluenile-care.example',
          verification: 'Phoned the organisation’s published switchboard.',
          addToDirectory: { domains: ['bluenile-care.example'] },
        });
      expect(confirmed.status).toBe(409);
      expect(confirmed.body).toMatchObject({ code: 'CONTACT.NOT_AWAITING', state: 'withdrawn' });
      const none = await request(h.service.app)
        .post(`/contact-confirmations/${disclosure(id)}`)
        .set('authorization', screener)
        .send({ decision: 'no-verified-contact', reason: 'Could not reach anyone.' });
      expect(none.status).toBe(409);
      expect(await state(disclosure(id))).toBe('withdrawn');
      expect(await h.service.ctx.checks.countRevisions({ aggregateId: disclosure(id) })).toBe(2);
      expect(await h.service.ctx.mailbox.list('people@bluenile-care.example')).toEqual([]);
      const directory = await request(h.service.app).get('/employers?search=Blue%20Nile').set('authorization', screener);
      expect(directory.status).toBe(200);
      expect(directory.body.items).toEqual([]);
    }, 120_000);
  });

  describe('a request already sent', () => {
    let h: Harness;
    // The simulated employer does not answer by itself: the referee's answer below is the one recorded.
    beforeAll(async () => {
      h = await startHarness({ sims: { refereeAnswerRate: 0 }, env: { REFEREE_DEADLINE_MS: '600000' } });
    });
    afterAll(async () => h?.stop());

    it('when the nomination is withdrawn after the request was sent, then the request is left as it is and the referee’s answer is still recorded', async () => {
      await h.employer('Lakeside Clinics', 'hr@lakeside-clinics.example', ['lakeside-clinics.example']);
      const id = await h.submit(person('Selam Girma', job('Lakeside Clinics', 'hr@lakeside-clinics.example')), 'civilian');
      const path = await h.mailedLink('hr@lakeside-clinics.example');
      await waitFor(async () => (await h.service.ctx.checks.load(disclosure(id)))?.state === 'awaiting-answer', {
        timeoutMs: 90_000,
        message: 'sent',
      });
      await h.withdraw(id, 1);
      await handledAll(h);
      expect((await h.service.ctx.checks.load(disclosure(id)))?.state).toBe('awaiting-answer');
      expect(
        h.events.filter((e) => e.type === 'reference.check-withdrawn' && (e.data as { checkId: string }).checkId === disclosure(id)),
      ).toEqual([]);

      const answer = {
        employed: 'yes',
        sexualMisconductFinding: 'no',
        leftDuringInvestigation: 'no',
        responderName: 'M. Alemu',
        responderRole: 'HR lead',
        responderEmail: 'm.alemu@lakeside-clinics.example',
      };
      const sent = await request(h.service.app).post(path).set('accept', 'application/json').send(answer);
      expect(sent.status).toBe(200);
      expect(await h.service.ctx.checks.load(disclosure(id))).toMatchObject({
        state: 'completed',
        result: 'no-adverse',
        resultSource: 'referee',
      });
    }, 120_000);
  });
});
