import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic, waitFor } from '@vetting/platform/testing';
import type { EventEnvelope } from '@vetting/platform';
import { DAY, consentBody, startDisclosureDesk, type DisclosureHarness } from '../testing/disclosure';

describe('misconduct-disclosure requests past their deadline, sealed at rest and erased (real Kafka and database)', () => {
  let h: DisclosureHarness;

  beforeAll(async () => {
    h = await startDisclosureDesk();
  });
  afterAll(async () => h?.stop());

  it('when the deadline passes unanswered, then the deadline job marks the request overdue once, with an event', async () => {
    const id = (await h.receive({ candidateId: 'cand-gh-late' })).id as string;
    h.clock.offsetMs = 21 * DAY;
    try {
      expect(await h.service.deadlines.runNow()).toBeGreaterThanOrEqual(1);
      await h.service.deadlines.runNow();
      const late = (await h.app().get(`/disclosure-requests/${id}`).set('authorization', h.tokens.screener).expect(200)).body;
      expect(late.status).toBe('overdue');
      expect(late.overdueSince).toBeDefined();
      expect(
        (await h.app().get('/disclosure-requests?status=overdue').set('authorization', h.tokens.screener).expect(200)).body.items.map(
          (r: { id: string }) => r.id,
        ),
      ).toContain(id);
    } finally {
      h.clock.offsetMs = 0;
    }
    const published = await h.events(id, 3);
    expect(published.filter((e) => e.type === 'disclosure.overdue')).toHaveLength(1);
  });

  it('when a request is stored and read, then the person and the contact are sealed in the database, and each read is recorded', async () => {
    const id = (await h.receive({ candidateId: 'cand-gh-sealed' })).id as string;
    await h.app().get(`/disclosure-requests/${id}`).set('authorization', h.tokens.adjudicator).expect(200);
    for (const name of (await h.service.runtime.db.db!.listCollections().toArray()).map((c) => c.name)) {
      const docs = await h.service.runtime.db.db!.collection(name).find({}).toArray();
      expect(JSON.stringify(docs), name).not.toMatch(/Kwame|Boateng|hr@reliefnow|1988-04-12/);
    }
    const reads = await waitFor(async () => {
      const read = (await readTopic(h.env.kafka, `${h.env.prefix}vetting.access`, 10_000, 2_000)).map(
        (m) => JSON.parse(m.value) as EventEnvelope<{ actor: string; subjectId: string; resource: string }>,
      );
      const mine = read.filter((e) => e.data.subjectId === 'cand-gh-sealed' && e.data.actor === 'un-adj-1');
      return mine.length ? mine : undefined;
    });
    expect(reads[0]!.data.resource).toBe('accountability/disclosure-request');
  });

  it('when intake erases the person, then their key is shredded here too: the person, the contact, the texts and the consent are gone and the answer’s record stays', async () => {
    await h.recordFinding('cand-gh-erased');
    const id = (await h.receive({ candidateId: 'cand-gh-erased' })).id as string;
    await h.app().post(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.screener).send(consentBody()).expect(200);
    await h
      .app()
      .post(`/disclosure-requests/${id}/answer`)
      .set('authorization', h.tokens.screener)
      .send({ kind: 'finding', note: 'Barred since 2025.' })
      .expect(200);
    await h.publish('vetting.candidates', 'intake', 'candidate.erased', 'cand-gh-erased', {
      candidateId: 'cand-gh-erased',
      country: 'GH',
      erasedAt: new Date().toISOString(),
      basis: 'request',
    });
    const after = await waitFor(async () => {
      const res = await h.app().get(`/disclosure-requests/${id}`).set('authorization', h.tokens.auditor).expect(200);
      return res.body.erased ? res.body : undefined;
    });
    expect(after).toMatchObject({ erased: true, status: 'answered', answer: { kind: 'finding', answeredBy: 'un-scr-1' } });
    expect(after.person).toBeUndefined();
    expect(after.requesterContact).toBeUndefined();
    expect(after.answer.note).toBeUndefined();
    expect((await h.app().get(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.auditor)).status).toBe(404);
  });
});
