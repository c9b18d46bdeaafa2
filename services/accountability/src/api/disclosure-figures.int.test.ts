import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { consentBody, employer, receiveBody, startDisclosureHarness, type DisclosureHarness } from '../testing/disclosure';

describe('the scheme’s annual implementation figures (real Kafka and database)', () => {
  let h: DisclosureHarness;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    h = await startDisclosureHarness();
  });
  afterAll(async () => h?.stop());

  it('when disclosure checks, clearance decisions and answers happen, then the year’s figures count each once, a redelivered event included, and an office sees its country’s only', async () => {
    const ref = (type: string, data: Record<string, unknown>, id?: string) =>
      h.publish('vetting.references', 'references', type, String(data.candidateId ?? data.employerId), data, id);
    const decided = (candidateId: string, country: string, outcome: string, disclosure = 'no-adverse') =>
      h.publish('vetting.clearances', 'clearance', 'clearance.decided', candidateId, {
        candidateId,
        country,
        decisionId: `dec-${candidateId}`,
        outcome,
        policyVersion: 1,
        decidedBy: 'un-adj-1',
        reasons: [],
        inputs: {
          screening: { screeningId: `scr-${candidateId}`, outcome: 'clear', listVersions: [] },
          references: [{ checkId: `chk-${candidateId}`, checkType: 'misconduct-disclosure', result: disclosure }],
        },
      });
    await ref('reference.employer-verified', employer());
    // hiring side: three disclosure checks asked, one answered clean, one adverse, one never answered
    for (const c of ['cand-a', 'cand-b', 'cand-c'])
      await ref('reference.check-requested', { candidateId: c, country: 'GH', checkId: `chk-${c}`, checkType: 'misconduct-disclosure' });
    await ref('reference.check-requested', { candidateId: 'cand-a', country: 'GH', checkId: 'chk-nat', checkType: 'national-records' });
    const clean = await ref('reference.check-completed', {
      candidateId: 'cand-a',
      country: 'GH',
      checkId: 'chk-cand-a',
      checkType: 'misconduct-disclosure',
      result: 'no-adverse',
    });
    await ref(
      'reference.check-completed',
      { candidateId: 'cand-a', country: 'GH', checkId: 'chk-cand-a', checkType: 'misconduct-disclosure', result: 'no-adverse' },
      clean.id,
    );
    await ref('reference.check-completed', {
      candidateId: 'cand-b',
      country: 'GH',
      checkId: 'chk-cand-b',
      checkType: 'misconduct-disclosure',
      result: 'adverse',
    });
    await ref('reference.check-completed', {
      candidateId: 'cand-c',
      country: 'GH',
      checkId: 'chk-cand-c',
      checkType: 'misconduct-disclosure',
      result: 'no-response',
    });
    await decided('cand-a', 'GH', 'cleared');
    await decided('cand-b', 'GH', 'not-cleared', 'adverse');
    await decided('cand-c', 'GH', 'not-cleared', 'no-response');
    await decided('cand-d', 'GH', 'not-cleared');
    await decided('cand-np', 'NP', 'cleared');
    await decided('cand-p', 'GH', 'pending-review');
    // answering side: one request received and answered, one received and still open
    await waitFor(async () =>
      (await h.app().get('/disclosure-requests/organisations').set('authorization', h.tokens.screener)).body.items?.length
        ? true
        : undefined,
    );
    const answered = (
      await h
        .app()
        .post('/disclosure-requests')
        .set('authorization', h.tokens.screener)
        .send(receiveBody({ candidateId: 'cand-old' }))
        .expect(201)
    ).body.id as string;
    await h.app().post(`/disclosure-requests/${answered}/consent`).set('authorization', h.tokens.screener).send(consentBody()).expect(200);
    await h
      .app()
      .post(`/disclosure-requests/${answered}/answer`)
      .set('authorization', h.tokens.screener)
      .send({ kind: 'none' })
      .expect(200);
    await h
      .app()
      .post('/disclosure-requests')
      .set('authorization', h.tokens.screener)
      .send(receiveBody({ candidateId: 'cand-old-2' }))
      .expect(201);

    const figures = await waitFor(async () => {
      const res = await h.app().get(`/disclosure-requests/figures?year=${year}`).set('authorization', h.tokens.auditor).expect(200);
      return res.body.recruitments === 2 && res.body.rejectedOnNegativeOrAbsentInformation === 2 ? res.body : undefined;
    });
    expect(figures).toEqual({
      year,
      recruitments: 2,
      requestsMade: 3,
      responsesReceived: 2,
      requestsReceived: 2,
      responsesProvided: 1,
      negativeAnswersProvided: 0,
      rejectedOnNegativeOrAbsentInformation: 2,
    });
    expect(
      (await h.app().get(`/disclosure-requests/figures?year=${year}`).set('authorization', h.tokens.np).expect(200)).body,
    ).toMatchObject({ country: 'NP', recruitments: 1, requestsMade: 0, requestsReceived: 0 });
    expect((await h.app().get('/disclosure-requests/figures?country=GH').set('authorization', h.tokens.np)).status).toBe(403);
    expect(
      (
        await h
          .app()
          .get(`/disclosure-requests/figures?year=${year - 1}`)
          .set('authorization', h.tokens.auditor)
          .expect(200)
      ).body,
    ).toMatchObject({ recruitments: 0, requestsMade: 0, responsesProvided: 0 });
  });
});
