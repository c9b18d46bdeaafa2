import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { keysDirOf } from '../config';
import { createAnswerCipher } from './answer.cipher';
import { startHarness, type Harness } from '../testing/harness';
import { purgeExpiredAnswers } from '../use-cases/erase-answers.use-case';

const DAY = 24 * 3600 * 1000;
const yearsAgo = (n: number) => new Date(Date.now() - n * 365 * DAY).toISOString().slice(0, 7);
const answer = (details: string, responderName: string, responderEmail: string) => ({
  employed: 'yes',
  sexualMisconductFinding: 'yes',
  leftDuringInvestigation: 'no',
  responderName,
  responderRole: 'HR lead',
  responderEmail,
  details,
});

describe('prior employers and referee answers at rest (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { REFEREE_DEADLINE_MS: '600000' } });
  });
  afterAll(async () => h?.stop());

  /** Submits a civilian with one prior employer in the directory (a human answers: "manual" contact), answers on the portal. */
  async function answered(email: string, details: string, responderName: string) {
    await h.employer(`Shelter Aid ${email}`, email);
    const id = await h.submit(
      {
        names: [{ full: 'Abena Ofori' }],
        previousEmployers: [{ name: `Shelter Aid ${email}`, role: 'Driver', contactEmail: email, from: yearsAgo(3) }],
      },
      'civilian',
    );
    const sent = await request(h.service.app)
      .post(await h.mailedLink(email))
      .set('accept', 'application/json')
      .send(answer(details, responderName, email));
    expect(sent.status).toBe(200);
    return { id, checkId: `${id}.1.misconduct-disclosure.1` };
  }

  it('when candidate.submitted lists prior employers, then each employer of the last five years gets a disclosure request by mail and an older one is not asked', async () => {
    const employers = [
      { name: 'Relief Now', role: 'Logistician', contactEmail: 'manual-recent@relief.example', from: yearsAgo(4), to: yearsAgo(1) },
      { name: 'Water First', role: 'Engineer', contactEmail: 'manual-current@water.example', from: yearsAgo(1) },
      { name: 'Old Mission', role: 'Clerk', contactEmail: 'manual-old@old.example', from: yearsAgo(12), to: yearsAgo(7) },
    ];
    for (const e of employers) await h.employer(e.name, e.contactEmail);
    const id = await h.submit({ names: [{ full: 'Yaa Boateng' }], previousEmployers: employers }, 'civilian');
    const recent = await waitFor(async () => (await h.service.ctx.mailbox.list('manual-recent@relief.example'))[0], { timeoutMs: 90_000 });
    const current = await waitFor(async () => (await h.service.ctx.mailbox.list('manual-current@water.example'))[0], { timeoutMs: 90_000 });
    expect(recent.text).toContain('Relief Now');
    expect(recent.text).toContain('Yaa Boateng');
    expect(recent.text).toMatch(/\/referee\/\S+/);
    expect(current.text).toContain('Water First');
    const set = await h.service.ctx.sets.latestFor(id);
    const disclosures = set!.checks.filter((c) => c.checkType === 'misconduct-disclosure');
    expect(disclosures.map((c) => c.checkId)).toEqual([`${id}.1.misconduct-disclosure.1`, `${id}.1.misconduct-disclosure.2`]);
    const asked = await Promise.all(
      disclosures.map(async (c) => (await h.service.ctx.answers.openSubject((await h.service.ctx.checks.load(c.checkId))!)).employer?.name),
    );
    expect(asked).toEqual(['Relief Now', 'Water First']);
    expect(await h.service.ctx.mailbox.list('manual-old@old.example')).toEqual([]);
  }, 180_000);

  it('when a referee answers with allegation details, then no stored document contains them and only UN officers read them, each read recorded', async () => {
    const details = 'Dismissed in 2024 after an inquiry into the abuse of a beneficiary';
    const { id, checkId } = await answered('manual-rest@relief.example', details, 'Kofi Referee-Name');
    const db = h.service.runtime.db;
    const raw = JSON.stringify([
      await db.collection('checks_revisions').find({ aggregateId: checkId }).toArray(),
      await db
        .collection('checks')
        .find({ _id: checkId as never })
        .toArray(),
    ]);
    expect(raw).toContain('sealedAnswer');
    expect(raw).not.toContain('inquiry into the abuse');
    expect(raw).not.toContain('Kofi Referee-Name');

    const adjudicator = await h.token(['un-adjudicator']);
    const read = await request(h.service.app).get(`/checks/${checkId}/answer`).set('authorization', adjudicator);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      checkId,
      candidateId: id,
      result: 'adverse',
      details,
      responderName: 'Kofi Referee-Name',
      sexualMisconductFinding: 'yes',
    });
    const answerReads = async () =>
      (await db.collection('access_outbox').find({}).toArray())
        .map((d) => d.outbox[0])
        .filter((e) => e.data.resource === `references/checks/${checkId}/answer`);
    const recorded = await answerReads();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      type: 'access.recorded',
      subject: id,
      data: { actor: 'operator', subjectId: id, fields: ['refereeAnswer'] },
    });

    const tccOfficer = `Bearer ${await h.env.issuer.token({ sub: 'tcc-gh', roles: ['tcc-officer'], country: 'GH' })}`;
    for (const authorization of [tccOfficer, await h.token(['auditor']), await h.token(['admin'])]) {
      const refused = await request(h.service.app).get(`/checks/${checkId}/answer`).set('authorization', authorization);
      expect(refused.status).toBe(403);
    }
    expect(await answerReads()).toHaveLength(1);
  }, 180_000);

  it('when intake erases the candidate, then their referee answers are unreadable for good and the results stay', async () => {
    const { id, checkId } = await answered('manual-erase@relief.example', 'Details to be forgotten', 'Ama Eraser');
    const adjudicator = await h.token(['un-adjudicator']);
    expect((await request(h.service.app).get(`/checks/${checkId}/answer`).set('authorization', adjudicator)).status).toBe(200);
    await h.publish('intake', 'candidate.erased', id, {
      candidateId: id,
      country: 'GH',
      erasedAt: new Date().toISOString(),
      basis: 'request',
    });
    const gone = await waitFor(
      async () => {
        const res = await request(h.service.app).get(`/checks/${checkId}/answer`).set('authorization', adjudicator);
        return res.status === 410 ? res : undefined;
      },
      { timeoutMs: 60_000, message: 'the answer erased' },
    );
    expect(gone.body.code).toBe('CRYPTO.ERASED');
    // The key itself is destroyed: a fresh cipher (no cached key) cannot open the stored answer either.
    const stored = await h.service.ctx.checks.load(checkId);
    await expect(createAnswerCipher(h.service.runtime.db, keysDirOf(h.config)).open(checkId, stored!.sealedAnswer!)).rejects.toMatchObject({
      code: 'CRYPTO.ERASED',
    });
    expect(await h.service.ctx.checks.load(checkId)).toMatchObject({ state: 'completed', result: 'adverse' });
  }, 180_000);

  it('when a set got its results longer ago than the retention period, then the purge erases its answers and leaves newer ones', async () => {
    const { id, checkId } = await answered('manual-retain@relief.example', 'Kept for the retention period', 'Efua Keeper');
    const setId = `${id}.1`;
    const adjudicator = await h.token(['un-adjudicator']);
    const read = () => request(h.service.app).get(`/checks/${checkId}/answer`).set('authorization', adjudicator);
    await waitFor(async () => (await h.service.ctx.sets.completedAt(setId)) !== undefined, {
      timeoutMs: 90_000,
      message: 'the set complete',
    });
    expect(await purgeExpiredAnswers(h.service.ctx, 30)).toBe(0);
    expect((await read()).status).toBe(200);
    const later = { ...h.service.ctx, now: () => new Date(Date.now() + 31 * DAY) };
    expect(await purgeExpiredAnswers(later, 30)).toBeGreaterThanOrEqual(1);
    expect((await read()).status).toBe(410);
    expect(await purgeExpiredAnswers(later, 30)).toBe(0); // recorded: not erased twice
  }, 180_000);
});
