import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import type { Check } from '../domain/check';
import { startHarness, type Harness } from '../testing/harness';

const recently = `${new Date().getUTCFullYear() - 2}-01`;
const earlier = `${new Date().getUTCFullYear() - 4}-01`;
const job = (name: string, typed: string, from = recently) => ({ name, role: 'Field officer', contactEmail: typed, from });
const person = (name: string, ...previousEmployers: ReturnType<typeof job>[]) => ({ names: [{ full: name }], previousEmployers });

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('a corrected nomination supersedes the held requests of its earlier revision (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  let screener: string;
  const disclosure = (id: string, revision: number, n = 1) => `${id}.${revision}.misconduct-disclosure.${n}`;
  const state = async (checkId: string) => (await h.service.ctx.checks.load(checkId))?.state;
  const isIn = (checkId: string, want: string) =>
    waitFor(async () => (await state(checkId)) === want, { timeoutMs: 90_000, message: `${checkId} ${want}` });
  const queueOf = async (id: string) =>
    (
      (await request(h.service.app).get('/contact-confirmations').set('authorization', screener)).body.items as {
        checkId: string;
        candidateId: string;
      }[]
    )
      .filter((i) => i.candidateId === id)
      .map((i) => i.checkId);
  const supersededEvents = (checkId: string) =>
    h.events.filter((e) => e.type === 'reference.check-superseded' && (e.data as { checkId: string }).checkId === checkId);

  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '600000' } });
    screener = await h.token(['un-screener']);
  });
  afterAll(async () => h?.stop());

  it('when a nomination is corrected with the same employer, then the queue holds one request for it: the newest; the earlier one is superseded once, with its reason, however often the correction is redelivered', async () => {
    const id = await h.submit(person('Kofi Mensah', job('Acme Security Services', 'boss@acme-sec.example')), 'civilian');
    await isIn(disclosure(id, 1), 'awaiting-contact');
    // The correction spells the employer differently (a legal form, case): the same employer.
    const correction = await h.correct(
      id,
      2,
      person('Kofi A. Mensah', job('ACME Security Services Ltd', 'boss@acme-sec.example')),
      'civilian',
    );
    await isIn(disclosure(id, 2), 'awaiting-contact');
    await isIn(disclosure(id, 1), 'superseded');
    await waitFor(async () => (await queueOf(id)).length === 1 || undefined, { timeoutMs: 30_000, message: 'one held request' });
    expect(await queueOf(id)).toEqual([disclosure(id, 2)]);

    const old = (await h.service.ctx.checks.load(disclosure(id, 1))) as Check;
    expect(old.supersession).toMatchObject({ byRevision: 2, reason: 'employer-asked-again', replacedBy: disclosure(id, 2) });
    const event = await waitFor(() => supersededEvents(disclosure(id, 1))[0], { timeoutMs: 30_000, message: 'reference.check-superseded' });
    expect(event.data).toEqual({
      candidateId: id,
      country: 'GH',
      checkId: disclosure(id, 1),
      checkType: 'misconduct-disclosure',
      candidateRevision: 1,
      supersededByRevision: 2,
      reason: 'employer-asked-again',
      replacedBy: disclosure(id, 2),
    });
    // Events carry no details: neither the employer nor its address.
    expect(JSON.stringify(event.data)).not.toMatch(/acme/i);

    // Redelivered, then corrected again (same key: handled in that order): the redelivery applied nothing
    // twice (one transition, one event); the next correction supersedes revision 2's request in turn.
    await h.redeliver(correction);
    await h.correct(id, 3, person('Kofi A. Mensah', job('Acme Security Services', 'boss@acme-sec.example')), 'civilian');
    await isIn(disclosure(id, 2), 'superseded');
    expect(await h.service.ctx.checks.countRevisions({ aggregateId: disclosure(id, 1) })).toBe(2);
    expect(supersededEvents(disclosure(id, 1))).toHaveLength(1);
    expect(await queueOf(id)).toEqual([disclosure(id, 3)]);

    // The superseded request cannot be confirmed any more: nothing is sent for it.
    const late = await request(h.service.app)
      .post(`/contact-confirmations/${disclosure(id, 1)}`)
      .set('authorization', screener)
      .send({
        decision: 'verified-contact',
        contactEmail: 'people@acme-security.example',
        verification: 'Phoned Acme head office from the company register.',
      });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CONTACT.NOT_AWAITING', state: 'superseded' });
    expect(await h.service.ctx.mailbox.list('people@acme-security.example')).toEqual([]);
    const listed = await request(h.service.app).get('/checks?state=superseded').set('authorization', screener);
    expect(listed.body.items.map((c: { checkId: string }) => c.checkId)).toContain(disclosure(id, 1));
  });

  it('when a correction drops an employer whose request was held, then that request is superseded in the open, never deleted, and the newest revision’s plan decides what is asked', async () => {
    const id = await h.submit(
      person('Ama Owusu', job('Shadow Logistics', 'hr@shadow.example', earlier), job('Bright Futures NGO', 'hr@bright.example')),
      'civilian',
    );
    await isIn(disclosure(id, 1, 1), 'awaiting-contact');
    await isIn(disclosure(id, 1, 2), 'awaiting-contact');
    await h.correct(id, 2, person('Ama Owusu', job('Bright Futures NGO', 'hr@bright.example')), 'civilian');
    await isIn(disclosure(id, 1, 1), 'superseded');
    await isIn(disclosure(id, 1, 2), 'superseded');
    await waitFor(async () => (await queueOf(id)).length === 1 || undefined, { timeoutMs: 30_000, message: 'one held request' });
    expect(await queueOf(id)).toEqual([disclosure(id, 2, 1)]);

    // The dropped employer's request keeps its whole history and says why it ended.
    expect((await h.service.ctx.checks.history(disclosure(id, 1, 1))).map((c) => c.state)).toEqual(['awaiting-contact', 'superseded']);
    expect(((await h.service.ctx.checks.load(disclosure(id, 1, 1))) as Check).supersession).toMatchObject({
      byRevision: 2,
      reason: 'employer-not-in-correction',
    });
    const event = await waitFor(() => supersededEvents(disclosure(id, 1, 1))[0], {
      timeoutMs: 30_000,
      message: 'the dropped employer’s supersession',
    });
    expect(event.data).toMatchObject({ reason: 'employer-not-in-correction', supersededByRevision: 2 });
    expect(event.data).not.toHaveProperty('replacedBy');
    // The kept employer is asked again by the newest revision.
    expect(supersededEvents(disclosure(id, 1, 2))[0]?.data).toMatchObject({
      reason: 'employer-asked-again',
      replacedBy: disclosure(id, 2, 1),
    });
  });

  it('when the earlier request was already confirmed and sent, then a correction leaves it as it is (only held requests are superseded)', async () => {
    const id = await h.submit(person('Yaw Boateng', job('Coastal Builders', 'hr@coastal.example')), 'civilian');
    await isIn(disclosure(id, 1), 'awaiting-contact');
    const confirmed = await request(h.service.app)
      .post(`/contact-confirmations/${disclosure(id, 1)}`)
      .set('authorization', screener)
      .send({
        decision: 'verified-contact',
        contactEmail: 'people@coastal-builders.example',
        verification: 'Phoned the company from the national register.',
      });
    expect(confirmed.status).toBe(200);
    await waitFor(async () => (await h.service.ctx.mailbox.list('people@coastal-builders.example'))[0], {
      timeoutMs: 90_000,
      message: 'sent',
    });
    await h.correct(id, 2, person('Yaw K. Boateng', job('Coastal Builders', 'hr@coastal.example')), 'civilian');
    await h.correct(id, 3, person('Yaw Kwame Boateng', job('Coastal Builders', 'hr@coastal.example')), 'civilian');
    // Revision 3 handled (after 2, same key): revision 2's held request is superseded, the sent one is not.
    await isIn(disclosure(id, 2), 'superseded');
    // Sent (the simulated HR system may even have answered): never superseded.
    expect(await state(disclosure(id, 1))).toMatch(/^(requested|awaiting-answer|completed)$/);
    expect(supersededEvents(disclosure(id, 1))).toEqual([]);
  });

  it('when an earlier revision arrives after its correction (a replayed event), then its held request is superseded at once and never queued beside the newest', async () => {
    const id = `c-${Math.random().toString(36).slice(2, 10)}`;
    await h.correct(id, 2, person('Esi Asante', job('Harbour Care Trust', 'hr@harbour.example')), 'civilian');
    await isIn(disclosure(id, 2), 'awaiting-contact');
    await h.correct(id, 1, person('Esi Asante', job('Harbour Care Trust', 'hr@harbour.example')), 'civilian');
    await isIn(disclosure(id, 1), 'superseded');
    expect(((await h.service.ctx.checks.load(disclosure(id, 1))) as Check).supersession).toMatchObject({
      byRevision: 2,
      reason: 'employer-asked-again',
      replacedBy: disclosure(id, 2),
    });
    expect(await queueOf(id)).toEqual([disclosure(id, 2)]);
  });
});
