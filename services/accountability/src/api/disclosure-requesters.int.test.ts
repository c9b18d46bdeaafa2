import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { DAY, consentBody, employer, receiveBody, startDisclosureDesk, type DisclosureHarness } from '../testing/disclosure';

describe('who may ask for and answer misconduct-disclosure requests: the employer directory and the country offices (real Kafka and database)', () => {
  let h: DisclosureHarness;

  beforeAll(async () => {
    h = await startDisclosureDesk();
  });
  afterAll(async () => h?.stop());

  it('when the requester is not in the directory or writes from another domain, then nothing can be answered until the directory verifies it', async () => {
    const stranger = await h.receive({
      requester: { organisationId: 'emp-relief-now', contactName: 'Someone', contactEmail: 'hr@reliefnow-jobs.example' },
      candidateId: 'cand-gh-2',
    });
    expect(stranger).toMatchObject({
      status: 'unverified',
      verificationProblem: expect.stringContaining('reliefnow-jobs.example is not a verified mail domain'),
    });
    expect(stranger.verified).toBeUndefined();
    await h
      .app()
      .post(`/disclosure-requests/${stranger.id}/consent`)
      .set('authorization', h.tokens.screener)
      .send(consentBody())
      .expect(200);
    const refused = await h
      .app()
      .post(`/disclosure-requests/${stranger.id}/answer`)
      .set('authorization', h.tokens.screener)
      .send({ kind: 'none' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'DISCLOSURE.REQUESTER_UNVERIFIED', errors: [{ field: 'requester' }] });
    const unknown = await h.receive({
      requester: { organisationId: 'emp-nobody', contactName: 'Someone', contactEmail: 'a@nobody.example' },
      candidateId: 'cand-gh-3',
    });
    expect(unknown.verificationProblem).toMatch(/not in the employer directory/);
    // a screening officer adds the domain in the employer directory: verification now succeeds
    await h.publish(
      'vetting.references',
      'references',
      'reference.employer-verified',
      'emp-relief-now',
      employer({ domains: ['reliefnow.example', 'reliefnow-jobs.example'], revision: 2 }),
    );
    const verified = await waitFor(async () => {
      const res = await h
        .app()
        .post(`/disclosure-requests/${stranger.id}/verification`)
        .set('authorization', h.tokens.screener)
        .expect(200);
      return res.body.verified ? res.body : undefined;
    });
    expect(verified.status).toBe('open');
    // a forged directory entry (not from references) verifies nothing
    await h.publish(
      'vetting.references',
      'intake',
      'reference.employer-verified',
      'emp-nobody',
      employer({ employerId: 'emp-nobody', name: 'Nobody Ltd', domains: ['nobody.example'] }),
    );
    await h.publish('vetting.references', 'references', 'reference.check-requested', 'cand-x', {
      candidateId: 'cand-x',
      country: 'GH',
      checkId: 'chk-x',
      checkType: 'misconduct-disclosure',
    });
    await waitFor(async () =>
      (await h.service.facts.facts({ year: new Date().getUTCFullYear() })).some((f) => f.candidateId === 'cand-x') ? true : undefined,
    );
    expect(
      (await h.app().post(`/disclosure-requests/${unknown.id}/verification`).set('authorization', h.tokens.screener).expect(200)).body
        .status,
    ).toBe('unverified');
    // an organisation retired from the directory after the request was verified gets no answer
    await h.publish(
      'vetting.references',
      'references',
      'reference.employer-verified',
      'emp-fly',
      employer({ employerId: 'emp-fly', name: 'Fly By Night Staffing', domains: ['fly.example'] }),
    );
    await waitFor(async () => ((await h.service.facts.organisation('emp-fly')) ? true : undefined));
    const fly = await h.receive({
      requester: { organisationId: 'emp-fly', contactName: 'Someone', contactEmail: 'hr@fly.example' },
      candidateId: 'cand-gh-fly',
    });
    expect(fly.status).toBe('awaiting-consent');
    await h.app().post(`/disclosure-requests/${fly.id}/consent`).set('authorization', h.tokens.screener).send(consentBody()).expect(200);
    await h.publish(
      'vetting.references',
      'references',
      'reference.employer-verified',
      'emp-fly',
      employer({ employerId: 'emp-fly', name: 'Fly By Night Staffing', domains: ['fly.example'], status: 'retired', revision: 2 }),
    );
    await waitFor(async () => ((await h.service.facts.organisation('emp-fly'))?.status === 'retired' ? true : undefined));
    expect(
      (
        await h
          .app()
          .post(`/disclosure-requests/${fly.id}/answer`)
          .set('authorization', h.tokens.screener)
          .send({ kind: 'none' })
          .expect(409)
      ).body.errors[0].reason,
    ).toMatch(/no longer verified: the organisation is retired/);
  });

  it('when another country’s office reaches for a request, then it sees nothing; an office answers only its own national-service requests', async () => {
    const national = await h.receive({ addressedTo: 'GH', candidateId: 'cand-gh-4' }, 'gh');
    const un = await h.receive({ candidateId: 'cand-gh-5' });
    for (const id of [national.id, un.id]) {
      expect((await h.app().get(`/disclosure-requests/${id}`).set('authorization', h.tokens.np)).status).toBe(404);
      expect(
        (await h.app().post(`/disclosure-requests/${id}/answer`).set('authorization', h.tokens.np).send({ kind: 'none' })).status,
      ).toBe(404);
      expect((await h.app().post(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.np).send(consentBody())).status).toBe(
        404,
      );
      expect((await h.app().get(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.np)).status).toBe(404);
    }
    expect((await h.app().get('/disclosure-requests').set('authorization', h.tokens.np).expect(200)).body.items).toEqual([]);
    expect(
      (
        await h
          .app()
          .post('/disclosure-requests')
          .set('authorization', h.tokens.np)
          .send(receiveBody({ addressedTo: 'GH' }))
          .expect(400)
      ).body.errors.map((e: { field: string }) => e.field),
    ).toEqual(['body/addressedTo', 'body/country']);
    // the GH office sees its national-service request, not the one addressed to the UN; the UN does not answer for the country
    expect((await h.app().get(`/disclosure-requests/${un.id}`).set('authorization', h.tokens.gh)).status).toBe(404);
    await h.app().post(`/disclosure-requests/${national.id}/consent`).set('authorization', h.tokens.gh).send(consentBody()).expect(200);
    expect(
      (await h.app().post(`/disclosure-requests/${national.id}/answer`).set('authorization', h.tokens.screener).send({ kind: 'none' }))
        .status,
    ).toBe(403);
    expect(
      (
        await h
          .app()
          .post(`/disclosure-requests/${national.id}/answer`)
          .set('authorization', h.tokens.gh)
          .send({ kind: 'none' })
          .expect(200)
      ).body,
    ).toMatchObject({ status: 'answered', answer: { answeredBy: 'gh-office' } });
    // an office typing another country's nomination id learns nothing of that person's record
    await h
      .app()
      .post('/action-requests')
      .set('authorization', h.tokens.adjudicator)
      .send({
        country: 'NP',
        mission: 'UNMISS',
        category: 'sea',
        substantiatedOn: '2025-11-02',
        candidateId: 'cand-np-probe',
        listEntry: { listId: 'un-sea', entryId: 'SEA-NP-1' },
        actions: [{ kind: 'investigation', dueBy: new Date(Date.now() + 30 * DAY).toISOString() }],
        summary: 'Sexual exploitation substantiated; investigate and report.',
      })
      .expect(201);
    const probe = await h.receive({ addressedTo: 'GH', candidateId: 'cand-np-probe' }, 'gh');
    expect(probe.knownFindings).toEqual([]);
    await h.app().post(`/disclosure-requests/${probe.id}/consent`).set('authorization', h.tokens.gh).send(consentBody()).expect(200);
    const probed = await h.app().post(`/disclosure-requests/${probe.id}/answer`).set('authorization', h.tokens.gh).send({ kind: 'none' });
    expect(JSON.stringify(probed.body)).not.toMatch(/records 1|SEA-NP-1/);
    expect(
      (await h.app().get(`/disclosure-requests/${probe.id}`).set('authorization', h.tokens.screener).expect(200)).body.knownFindings,
    ).toHaveLength(1);
  });
});
