import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startHarness, type Harness } from '../testing/harness';

const recently = `${new Date().getUTCFullYear() - 2}-01`;
const civilian = (name: string, employer: string, typed: string) => ({
  names: [{ full: name }],
  previousEmployers: [{ name: employer, role: 'Field officer', contactEmail: typed, from: recently }],
});

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('verified referee contacts: the employer directory and the confirm-contact queue (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  let screener: string;
  const disclosure = (id: string) => `${id}.1.misconduct-disclosure.1`;
  const completed = (checkId: string) =>
    waitFor(() => h.events.find((e) => e.type === 'reference.check-completed' && (e.data as { checkId: string }).checkId === checkId), {
      timeoutMs: 90_000,
      message: `${checkId} completed`,
    });

  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '600000' } });
    screener = await h.token(['un-screener']);
  });
  afterAll(async () => h?.stop());

  it('when a screening officer adds an employer, then the directory lists it; an office or a bad entry is refused', async () => {
    const entry = {
      name: 'Lakeside Relief Agency',
      aliases: ['LRA'],
      country: 'UG',
      domains: ['lakeside-relief.example'],
      contacts: [{ email: 'HR@lakeside-relief.example', name: 'HR office' }],
      verification: 'Called the switchboard listed on the agency website.',
    };
    const office = `Bearer ${await h.env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    expect((await request(h.service.app).post('/employers').set('authorization', office).send(entry)).status).toBe(403);
    const created = await request(h.service.app).post('/employers').set('authorization', screener).send(entry);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Lakeside Relief Agency',
      contacts: [{ email: 'hr@lakeside-relief.example' }],
      verifiedBy: 'operator',
      status: 'active',
      revision: 1,
    });
    const twin = await request(h.service.app)
      .post('/employers')
      .set('authorization', screener)
      .send({ ...entry, aliases: [], domains: ['gmail.com'] });
    expect(twin.status).toBe(400);
    expect(twin.body.errors.map((e: { field: string }) => e.field)).toEqual(['body/name', 'body/domains/0']);
    const found = await request(h.service.app).get('/employers?search=lakeside').set('authorization', screener);
    expect(found.body.items.map((e: { employerId: string }) => e.employerId)).toEqual([created.body.employerId]);
    const event = await waitFor(
      () => h.events.find((e) => e.type === 'reference.employer-verified' && e.subject === created.body.employerId),
      { timeoutMs: 30_000 },
    );
    expect(JSON.stringify(event.data)).not.toContain('hr@lakeside-relief.example');
  });

  it('when the office types its own address for a known employer, then the request goes to the directory’s verified contact and never to the typed one', async () => {
    await h.employer('Northern Water Trust', 'manual-hr@northern-water.example', ['northern-water.example']);
    const id = await h.submit(civilian('Akosua Frimpong', 'northern water trust ltd', 'manual-crony@office-friend.example'), 'civilian');
    const mail = await waitFor(async () => (await h.service.ctx.mailbox.list('manual-hr@northern-water.example'))[0], {
      timeoutMs: 90_000,
      message: 'mail to the verified contact',
    });
    expect(mail.text).toContain('Akosua Frimpong');
    expect(await h.service.ctx.mailbox.list('manual-crony@office-friend.example')).toEqual([]);
    const check = await h.service.ctx.checks.load(disclosure(id));
    expect(check?.organisation).toMatch(/^employer:emp-/);

    // The referee answers from the employer's own domain: no finding beyond the answer's.
    const sent = await request(h.service.app)
      .post(await h.mailedLink('manual-hr@northern-water.example'))
      .set('accept', 'application/json')
      .send({
        employed: 'yes',
        sexualMisconductFinding: 'no',
        leftDuringInvestigation: 'yes',
        responderName: 'K. Osei',
        responderRole: 'HR manager',
        responderEmail: 'k.osei@northern-water.example',
      });
    expect(sent.status).toBe(200);
    expect((await completed(disclosure(id))).data).toMatchObject({ result: 'adverse', findings: ['left-during-investigation'] });
  });

  it('when an employer is unknown, then nothing is sent until a screening officer confirms a contact, which is then the only one asked', async () => {
    const id = await h.submit(civilian('Kwabena Ansah', 'Acme Security Services', 'manual-boss@acme-sec.example'), 'civilian');
    const held = await waitFor(
      async () => ((c) => (c?.state === 'awaiting-contact' ? c : undefined))(await h.service.ctx.checks.load(disclosure(id))),
      { timeoutMs: 60_000, message: 'held' },
    );
    expect(held.deadline).toBeUndefined();
    const queue = await waitFor(
      async () =>
        (
          (await request(h.service.app).get('/contact-confirmations').set('authorization', screener)).body.items as { checkId: string }[]
        ).find((i) => i.checkId === disclosure(id)),
      { message: 'in the queue' },
    );
    expect(queue).toMatchObject({
      employer: { name: 'Acme Security Services', role: 'Field officer' },
      typedContactEmail: 'manual-boss@acme-sec.example',
    });
    // The record checks finish; the held request keeps the set open and nothing reached the employer.
    await waitFor(async () => (await h.service.ctx.checks.load(`${id}.1.un-records`))?.state === 'completed', { timeoutMs: 60_000 });
    expect(await h.service.ctx.mailbox.list('manual-boss@acme-sec.example')).toEqual([]);
    expect(h.sims.stats[`check ${disclosure(id)}`]).toBeUndefined();
    expect(h.events.some((e) => e.type === 'references.completed' && e.subject === id)).toBe(false);

    const confirm = await request(h.service.app)
      .post(`/contact-confirmations/${disclosure(id)}`)
      .set('authorization', screener)
      .send({
        decision: 'verified-contact',
        contactEmail: 'manual-people@acme-security.example',
        verification: 'Phoned Acme head office from the number in the company register.',
        addToDirectory: { domains: ['acme-security.example'] },
      });
    expect(confirm.status).toBe(200);
    expect(confirm.body.state).toBe('requested');
    await waitFor(async () => (await h.service.ctx.mailbox.list('manual-people@acme-security.example'))[0], {
      timeoutMs: 90_000,
      message: 'mail to the confirmed contact',
    });
    expect(await h.service.ctx.mailbox.list('manual-boss@acme-sec.example')).toEqual([]);
    expect(
      (
        await request(h.service.app)
          .post(`/contact-confirmations/${disclosure(id)}`)
          .set('authorization', screener)
          .send({ decision: 'no-verified-contact', reason: 'again' })
      ).status,
    ).toBe(409);
    expect(h.events.find((e) => e.type === 'reference.contact-confirmed' && e.subject === id)?.data).toMatchObject({
      decision: 'verified-contact',
      confirmedBy: 'operator',
      employerId: expect.stringMatching(/^emp-/),
    });
    expect((await request(h.service.app).get('/employers?search=acme').set('authorization', screener)).body.items).toHaveLength(1);

    // Answered from a personal address (a forwarded link): recorded, and a finding of its own.
    const sent = await request(h.service.app)
      .post(await h.mailedLink('manual-people@acme-security.example'))
      .set('accept', 'application/json')
      .send({
        employed: 'yes',
        sexualMisconductFinding: 'no',
        leftDuringInvestigation: 'no',
        responderName: 'J. Doe',
        responderRole: 'Manager',
        responderEmail: 'jdoe1970@gmail.com',
      });
    expect(sent.status).toBe(200);
    expect((await completed(disclosure(id))).data).toMatchObject({ result: 'no-adverse', findings: ['unverified-responder'] });
  });

  it('when no contact can be verified, then the check ends as a named finding and the set completes for the adjudicator', async () => {
    const id = await h.submit(civilian('Adjoa Kyei', 'Ghost Holdings', 'manual-ghost@ghost.example'), 'civilian');
    await waitFor(async () => (await h.service.ctx.checks.load(disclosure(id)))?.state === 'awaiting-contact', { timeoutMs: 60_000 });
    const res = await request(h.service.app)
      .post(`/contact-confirmations/${disclosure(id)}`)
      .set('authorization', screener)
      .send({ decision: 'no-verified-contact', reason: 'No trace of the organisation in any register.' });
    expect(res.body).toMatchObject({ state: 'completed', result: 'failed' });
    const done = await waitFor(() => h.events.find((e) => e.type === 'references.completed' && e.subject === id), {
      timeoutMs: 90_000,
      message: 'set completed',
    });
    expect((done.data as { checks: unknown[] }).checks).toContainEqual({
      checkId: disclosure(id),
      checkType: 'misconduct-disclosure',
      result: 'failed',
      findings: ['no-verified-contact'],
    });
    expect(await h.service.ctx.mailbox.list('manual-ghost@ghost.example')).toEqual([]);
  });
});
