import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opaqueSealed, waitFor } from '@vetting/platform/testing';
import { DAY, consentBody, startDisclosureDesk, type DisclosureHarness } from '../testing/disclosure';

describe('answering misconduct-disclosure requests as a previous employer: consent, findings and countersignature (real Kafka and database)', () => {
  let h: DisclosureHarness;

  beforeAll(async () => {
    h = await startDisclosureDesk();
  });
  afterAll(async () => h?.stop());

  it('when a verified employer asks with the person’s consent and the platform records a finding, then the UN answers "finding", recorded with who and when, and every step is an event without the person', async () => {
    await h.recordFinding('cand-gh-1');
    const received = await h.receive();
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
    await h.recordFinding('cand-gh-none');
    const id = (await h.receive({ candidateId: 'cand-gh-none' })).id as string;
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
        const r = await h.receive({ candidateId });
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
    await waitFor(async () => ((await h.receive({ candidateId: 'cand-gh-listed' })).knownFindings.length === 0 ? true : undefined));
  });
});
