import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opaqueSealed, readTopic, waitFor } from '@vetting/platform/testing';
import type { EventEnvelope } from '@vetting/platform';
import { consentBody, employer, receiveBody, startDisclosureHarness, type DisclosureHarness } from './disclosure.test-harness';

const DAY = 86_400_000;

describe('answering misconduct-disclosure requests as a previous employer (real Kafka and database)', () => {
  let h: DisclosureHarness;
  const receive = async (over: Record<string, unknown> = {}, who: keyof DisclosureHarness['tokens'] = 'screener') =>
    (await h.app().post('/disclosure-requests').set('authorization', h.tokens[who]).send(receiveBody(over)).expect(201)).body;
  /** A substantiated finding recorded on the platform: a request for action naming the person. */
  const recordFinding = (candidateId: string) =>
    h
      .app()
      .post('/action-requests')
      .set('authorization', h.tokens.adjudicator)
      .send({
        country: 'GH',
        mission: 'MINUSCA',
        category: 'sea',
        substantiatedOn: '2025-11-02',
        candidateId,
        listEntry: { listId: 'un-sea', entryId: `SEA-${candidateId}` },
        actions: [{ kind: 'investigation', dueBy: new Date(Date.now() + 30 * DAY).toISOString() }],
        summary: 'Sexual exploitation substantiated; investigate and report.',
      })
      .expect(201);

  beforeAll(async () => {
    h = await startDisclosureHarness();
    await h.publish('vetting.references', 'references', 'reference.employer-verified', 'emp-relief-now', employer());
    await waitFor(async () =>
      (await h.app().get('/disclosure-requests/organisations').set('authorization', h.tokens.screener)).body.items?.length
        ? true
        : undefined,
    );
  });
  afterAll(async () => h?.stop());

  it('when a verified employer asks with the person’s consent and the platform records a finding, then the UN answers "finding", recorded with who and when, and every step is an event without the person', async () => {
    await recordFinding('cand-gh-1');
    const received = await receive();
    expect(received).toMatchObject({
      status: 'awaiting-consent',
      verified: { organisationName: 'Relief Now International' },
      requester: { contactDomain: 'reliefnow.example' },
      person: { fullName: 'Kwame Boateng Asante' },
    });
    expect(Date.parse(received.dueBy) - Date.parse(received.receivedAt)).toBe(20 * DAY);
    expect(received.knownFindings).toHaveLength(1);
    const id = received.id as string;

    // answering without the person's signed consent is refused
    const noConsent = await h
      .app()
      .post(`/disclosure-requests/${id}/answer`)
      .set('authorization', h.tokens.screener)
      .send({ kind: 'finding' })
      .expect(409);
    expect(noConsent.body).toMatchObject({ code: 'DISCLOSURE.CONSENT_REQUIRED', errors: [{ field: 'consent' }] });
    expect(
      (
        await h
          .app()
          .post(`/disclosure-requests/${id}/consent`)
          .set('authorization', h.tokens.screener)
          .send(consentBody({ contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') }))
      ).body,
    ).toMatchObject({ errors: [{ field: 'body/contentBase64' }] });
    expect(
      (
        await h
          .app()
          .post(`/disclosure-requests/${id}/consent`)
          .set('authorization', h.tokens.screener)
          .send(consentBody({ declarationSigned: false }))
          .expect(400)
      ).body.errors[0].field,
    ).toBe('body/declarationSigned');
    expect(
      (await h.app().post(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.screener).send(consentBody()).expect(200))
        .body.status,
    ).toBe('open');
    // the office cannot answer for the UN
    expect((await h.app().post(`/disclosure-requests/${id}/answer`).set('authorization', h.tokens.gh).send({ kind: 'none' })).status).toBe(
      404,
    );
    const answered = (
      await h
        .app()
        .post(`/disclosure-requests/${id}/answer`)
        .set('authorization', h.tokens.screener)
        .send({ kind: 'finding', note: 'Barred from UN deployment since 2025.' })
        .expect(200)
    ).body;
    expect(answered).toMatchObject({
      status: 'answered',
      answer: { kind: 'finding', answeredBy: 'un-scr-1', note: 'Barred from UN deployment since 2025.' },
    });
    expect(answered.answer.knownFindings).toHaveLength(1);
    expect(
      (
        await h
          .app()
          .post(`/disclosure-requests/${id}/answer`)
          .set('authorization', h.tokens.adjudicator)
          .send({ kind: 'none', justification: 'x' })
      ).body.code,
    ).toBe('DISCLOSURE.ALREADY_ANSWERED');
    const consent = await h.app().get(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.auditor).expect(200);
    expect(consent.headers['content-disposition']).toMatch(/attachment/);

    const published = await h.events(id, 4);
    expect(published.map((e) => e.type)).toEqual([
      'disclosure.received',
      'disclosure.verified',
      'disclosure.consent-attached',
      'disclosure.answered',
    ]);
    expect(published[3]!.data).toMatchObject({ answer: 'finding', knownFindings: 1, departsFromRecord: false, by: 'un-scr-1' });
    expect(JSON.stringify(published)).not.toMatch(/Kwame|Boateng|hr@reliefnow|Barred from/);
    const history = (await h.app().get(`/disclosure-requests/${id}/history`).set('authorization', h.tokens.auditor).expect(200)).body.items;
    expect(history.map((x: { status: string }) => x.status)).toEqual(['unverified', 'awaiting-consent', 'open', 'answered']);
  });

  it('when the answerer says "none" while the platform records a finding, then it needs a justification and another person’s countersignature', async () => {
    await recordFinding('cand-gh-none');
    const id = (await receive({ candidateId: 'cand-gh-none' })).id as string;
    await h.app().post(`/disclosure-requests/${id}/consent`).set('authorization', h.tokens.screener).send(consentBody()).expect(200);
    const bare = await h
      .app()
      .post(`/disclosure-requests/${id}/answer`)
      .set('authorization', h.tokens.screener)
      .send({ kind: 'none' })
      .expect(400);
    expect(bare.body.errors[0].field).toBe('body/justification');
    const held = (
      await h
        .app()
        .post(`/disclosure-requests/${id}/answer`)
        .set('authorization', h.tokens.screener)
        .send({ kind: 'none', justification: 'The finding was set aside on appeal in March.' })
        .expect(200)
    ).body;
    expect(held).toMatchObject({
      status: 'awaiting-countersignature',
      answer: { kind: 'none', justification: 'The finding was set aside on appeal in March.' },
    });
    expect(
      (await h.app().post(`/disclosure-requests/${id}/countersignature`).set('authorization', h.tokens.screener).expect(403)).body.code,
    ).toBe('DISCLOSURE.SAME_PERSON');
    const signed = (
      await h.app().post(`/disclosure-requests/${id}/countersignature`).set('authorization', h.tokens.adjudicator).expect(200)
    ).body;
    expect(signed).toMatchObject({ status: 'answered', answer: { kind: 'none', answeredBy: 'un-scr-1', countersignedBy: 'un-adj-1' } });
  });

  it('when screening confirmed a ban-list match or clearance revoked the person, then "none" needs a justification; a match later found false no longer counts', async () => {
    const resolved = (candidateId: string, resolution: string) =>
      h.publish('vetting.screenings', 'screening', 'screening.match-resolved', candidateId, {
        candidateId,
        country: 'GH',
        screeningId: `scr-${candidateId}`,
        listId: 'un-sea',
        entryId: 'SEA-77',
        resolution,
        resolvedBy: 'un-scr-2',
        outcome: resolution === 'confirmed' ? 'match' : 'clear',
      });
    await resolved('cand-gh-listed', 'confirmed');
    await h.publish('vetting.clearances', 'clearance', 'clearance.revoked', 'cand-gh-revoked', {
      candidateId: 'cand-gh-revoked',
      country: 'GH',
      decisionId: 'dec-revoked-1',
      personal: opaqueSealed('cand-gh-revoked', 'revoked on a re-screen match'),
    });
    for (const [candidateId, source] of [
      ['cand-gh-listed', 'ban-list'],
      ['cand-gh-revoked', 'clearance-revoked'],
    ] as const) {
      const found = await waitFor(async () => {
        const r = await receive({ candidateId });
        return r.knownFindings.length ? r : undefined;
      });
      expect(found.knownFindings[0]).toMatchObject({ source });
      await h
        .app()
        .post(`/disclosure-requests/${found.id}/consent`)
        .set('authorization', h.tokens.screener)
        .send(consentBody())
        .expect(200);
      expect(
        (
          await h
            .app()
            .post(`/disclosure-requests/${found.id}/answer`)
            .set('authorization', h.tokens.screener)
            .send({ kind: 'none' })
            .expect(400)
        ).body.errors[0].field,
      ).toBe('body/justification');
    }
    await resolved('cand-gh-listed', 'false-positive');
    await waitFor(async () => ((await receive({ candidateId: 'cand-gh-listed' })).knownFindings.length === 0 ? true : undefined));
  });

  it('when the requester is not in the directory or writes from another domain, then nothing can be answered until the directory verifies it', async () => {
    const stranger = await receive({
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
    const unknown = await receive({
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
    const fly = await receive({
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
    const national = await receive({ addressedTo: 'GH', candidateId: 'cand-gh-4' }, 'gh');
    const un = await receive({ candidateId: 'cand-gh-5' });
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
    const probe = await receive({ addressedTo: 'GH', candidateId: 'cand-np-probe' }, 'gh');
    expect(probe.knownFindings).toEqual([]);
    await h.app().post(`/disclosure-requests/${probe.id}/consent`).set('authorization', h.tokens.gh).send(consentBody()).expect(200);
    const probed = await h.app().post(`/disclosure-requests/${probe.id}/answer`).set('authorization', h.tokens.gh).send({ kind: 'none' });
    expect(JSON.stringify(probed.body)).not.toMatch(/records 1|SEA-NP-1/);
    expect(
      (await h.app().get(`/disclosure-requests/${probe.id}`).set('authorization', h.tokens.screener).expect(200)).body.knownFindings,
    ).toHaveLength(1);
  });

  it('when the deadline passes unanswered, then the deadline job marks the request overdue once, with an event', async () => {
    const id = (await receive({ candidateId: 'cand-gh-late' })).id as string;
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
    const id = (await receive({ candidateId: 'cand-gh-sealed' })).id as string;
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
    await recordFinding('cand-gh-erased');
    const id = (await receive({ candidateId: 'cand-gh-erased' })).id as string;
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
