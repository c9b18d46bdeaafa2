import request from 'supertest';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireDueClearances } from '../use-cases/expire-clearances.use-case';
import { events, newCandidateId, possibleHit, startClearanceForTest, caseReader } from '../testing/environment';

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('clearance decisions from consumed events (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startClearanceForTest>>;
  let un: string;
  const { until } = caseReader(
    () => t.app,
    () => un,
  );

  beforeAll(async () => {
    t = await startClearanceForTest();
    un = await t.bearer('adjudicator-1', 'un-adjudicator');
  });
  afterAll(async () => t?.stop());

  it('when nomination, a clean screening and clean references arrive, some twice, then one automatic clearance is stored and published once', async () => {
    const id = newCandidateId();
    const [submitted, screened, refs] = [
      events.submitted(id),
      events.screened(id),
      events.references(id, [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'no-adverse' }]),
    ];
    await t.publish(submitted, screened, submitted, refs, screened, refs);
    // A later event of the same candidate (same partition) shows every earlier one was handled.
    await t.publish(events.check(id, 'k2', 'un-records', 'no-adverse'));
    const c = await until(id, (x) => x.inputsVersion === 4, 'all inputs applied');
    expect(c.status).toBe('cleared');
    expect(c.decisions).toHaveLength(1);
    expect(c.current).toMatchObject({ outcome: 'cleared', kind: 'automatic', decidedBy: 'policy', policyVersion: 1, candidateRevision: 1 });
    expect(c.current!.inputs.screening!.listVersions).toEqual([{ listId: 'un-sea', version: 1, contentHash: 'sha256:abc' }]);
    const published = await t.clearanceEvents(id, 1);
    expect(published.filter((e) => e.type === 'clearance.decided')).toHaveLength(1);
    expect(published[0]?.data).toMatchObject({
      outcome: 'cleared',
      policyVersion: 1,
      kind: 'automatic',
      validUntil: c.current!.validUntil,
    });
  });

  it('when the office’s correction dropped a prior employer whose disclosure request was still held, then the case goes to an adjudicator with that finding, never cleared automatically', async () => {
    const [dropped, askedAgain] = [newCandidateId(), newCandidateId()];
    for (const [id, reason] of [
      [dropped, 'employer-not-in-correction'],
      [askedAgain, 'employer-asked-again'],
    ] as const)
      await t.publish(
        events.submitted(id),
        events.submitted(id, 'military-contingent', 2),
        events.superseded(id, `${id}.1.misconduct-disclosure.1`, reason),
        events.screened(id, { revision: 2 }),
        events.references(id),
      );
    const held = await until(dropped, (x) => x.status === 'awaiting-adjudication', 'sent to an adjudicator');
    expect(held.decisions.map((d) => d.outcome)).not.toContain('cleared');
    expect(held.inputs.droppedRequests).toEqual([{ checkId: `${dropped}.1.misconduct-disclosure.1`, revision: 1, byRevision: 2 }]);
    const shown = (await request(t.app).get(`/cases/${dropped}`).set('authorization', un)).body;
    expect(shown.evaluation.findings.map((f: { key: string }) => f.key)).toEqual([`dropped-employer:${dropped}.1.misconduct-disclosure.1`]);
    // What the decision rests on names what happened to an employer: its reasons travel sealed, never in the clear.
    const decided = (await t.clearanceEvents(dropped, 1)).find((e) => e.type === 'clearance.decided')!;
    expect(decided.data).toMatchObject({ outcome: 'pending-review', reasons: [] });
    expect(decided.data.personal).toBeDefined();
    expect(JSON.stringify(decided.data)).not.toMatch(/employer|correction/i);
    // The same employer asked again by the correction is no finding: that case clears.
    expect((await until(askedAgain, (x) => x.status === 'cleared', 'cleared')).current).toMatchObject({ kind: 'automatic' });
  });

  it('when a cleared person’s re-screen finds a possible match, then the clearance is revoked, published and flagged to the UN and the office', async () => {
    const id = newCandidateId();
    await t.publish(events.submitted(id), events.screened(id), events.references(id));
    const cleared = await until(id, (x) => x.status === 'cleared', 'cleared');
    await t.publish(events.screened(id, { outcome: 'possible-match', hits: [possibleHit('e7')], trigger: 'rescreen' }));
    const c = await until(id, (x) => x.status === 'awaiting-screening-review', 'revoked and awaiting review');
    expect(c.flags).toHaveLength(1);
    expect(c.flags[0]).toMatchObject({
      kind: 'clearance-revoked',
      revokedDecisionId: cleared.current!.decisionId,
      reason: 'a new screening found a possible ban-list match',
    });
    const published = await t.clearanceEvents(id, 3);
    expect(published.map((e) => e.type)).toEqual(['clearance.decided', 'clearance.revoked', 'clearance.decided']);
    expect(published[1]?.data).toMatchObject({ decisionId: cleared.current!.decisionId, flagId: c.flags[0]!.flagId });
    const unFlags = await request(t.app).get('/flags').set('authorization', un);
    expect(unFlags.body.items.find((f: { candidateId: string }) => f.candidateId === id)).toMatchObject({
      reason: expect.any(String),
      caseStatus: 'awaiting-screening-review',
    });
    const office = await request(t.app)
      .get('/flags')
      .set('authorization', await t.bearer('gh-office', 'tcc-officer', 'GH'));
    const seen = office.body.items.find((f: { candidateId: string }) => f.candidateId === id);
    expect(seen).toMatchObject({ kind: 'clearance-revoked', country: 'GH' });
    expect(seen.reason).toBeUndefined();
    const other = await request(t.app)
      .get('/flags')
      .set('authorization', await t.bearer('np-office', 'tcc-officer', 'NP'));
    expect(other.body.items.some((f: { candidateId: string }) => f.candidateId === id)).toBe(false);
  });

  it('when a late reference check of a cleared person is adverse, then the clearance is revoked and goes to an adjudicator', async () => {
    const id = newCandidateId();
    await t.publish(
      events.submitted(id),
      events.screened(id),
      events.references(id, [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'no-adverse' }]),
    );
    await until(id, (x) => x.status === 'cleared', 'cleared');
    await t.publish(events.check(id, 'k1', 'misconduct-disclosure', 'adverse'));
    const c = await until(id, (x) => x.status === 'awaiting-adjudication', 'revoked, awaiting adjudication');
    expect(c.flags[0]).toMatchObject({ reason: 'a late reference or record check returned adverse information' });
    expect((await t.clearanceEvents(id, 3)).map((e) => e.type)).toEqual(['clearance.decided', 'clearance.revoked', 'clearance.decided']);
  });

  it('when a possible match is resolved as a false positive, then the policy re-evaluates and clears; when confirmed, an adjudicator refuses only after notice and the candidate’s response', async () => {
    const fp = newCandidateId();
    const confirmed = newCandidateId();
    for (const id of [fp, confirmed])
      await t.publish(
        events.submitted(id),
        events.screened(id, { outcome: 'possible-match', hits: [possibleHit()], screeningId: `s-${id}` }),
        events.references(id),
      );
    await until(fp, (x) => x.status === 'awaiting-screening-review', 'awaiting screening review');
    await t.publish(events.matchResolved(fp, `s-${fp}`, 'false-positive', 'clear'));
    expect(
      (await until(fp, (x) => x.status === 'cleared', 'cleared after false positive')).current!.inputs.screening!.hits![0],
    ).toMatchObject({ resolution: 'false-positive', resolvedBy: 'screener-1' });

    await until(confirmed, (x) => x.status === 'awaiting-screening-review', 'awaiting screening review');
    await t.publish(events.matchResolved(confirmed, `s-${confirmed}`, 'confirmed', 'match'));
    await until(confirmed, (x) => x.status === 'awaiting-adjudication', 'awaiting adjudication');
    const refuse = () =>
      request(t.app)
        .post(`/cases/${confirmed}/adjudication`)
        .set('authorization', un)
        .send({ outcome: 'not-cleared', reasons: ['confirmed ban-list match'] });
    expect((await refuse()).body.code).toBe('CLEARANCE.NOTICE_REQUIRED');
    await request(t.app)
      .post(`/cases/${confirmed}/notices`)
      .set('authorization', un)
      .send({ sentAt: new Date().toISOString(), channel: 'via-tcc-office', text: 'You were matched to a ban-list entry.' })
      .expect(201);
    expect((await refuse()).body.code).toBe('CLEARANCE.RESPONSE_PENDING');
    await request(t.app).post(`/cases/${confirmed}/candidate-response`).set('authorization', un).send({ declined: true }).expect(201);
    const decided = await refuse();
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({ outcome: 'not-cleared', kind: 'adjudicated', decidedBy: 'adjudicator-1' });
  });

  it('when the list entry says the person left while an allegation was pending, then once confirmed that named finding goes to an adjudicator', async () => {
    const id = newCandidateId();
    await t.publish(
      events.submitted(id),
      events.screened(id, { outcome: 'possible-match', hits: [possibleHit('bar-17', 'left-pending-allegation')], screeningId: `s-${id}` }),
      events.references(id),
    );
    await until(id, (x) => x.status === 'awaiting-screening-review', 'awaiting screening review');
    await t.publish(events.matchResolved(id, `s-${id}`, 'confirmed', 'match', 'bar-17'));
    const c = await until(id, (x) => x.status === 'awaiting-adjudication', 'awaiting adjudication');
    expect(c.current!.findings).toEqual(['left-pending-allegation:un-sea/bar-17']);
    expect(c.current!.reasons[0]).toMatch(/left UN service while an allegation against them was pending/);
  });

  it('when a nomination declares only national service and the disciplinary record never came back, then the case goes to a person, never cleared', async () => {
    const id = newCandidateId();
    const withoutDisciplinary = [
      { checkId: 'k-ncr', checkType: 'national-criminal-record', result: 'no-adverse' },
      { checkId: 'k-un', checkType: 'un-records', result: 'no-adverse' },
    ];
    await t.publish(events.submitted(id), events.screened(id), events.references(id, withoutDisciplinary, true));
    const c = await until(id, (x) => x.decisions.length > 0, 'decided');
    expect(c.status).toBe('awaiting-adjudication');
    expect(c.current!.findings).toEqual(['missing:disciplinary-record']);
  });

  it('when a clearance’s end passes, then the expiry job emits clearance.expired once, however often it runs', async () => {
    const id = newCandidateId();
    await t.publish(events.submitted(id), events.screened(id), events.references(id));
    const cleared = await until(id, (x) => x.status === 'cleared', 'cleared');
    t.clock.offsetMs = 400 * 86_400_000;
    try {
      // Three passes at once, as from three instances, then the timer's own: one expiry in all.
      const deps = { repository: t.service.repository, now: () => new Date(Date.now() + t.clock.offsetMs), onEvents: () => undefined };
      const runs = await Promise.all([
        expireDueClearances(deps, 2),
        expireDueClearances(deps, 2),
        expireDueClearances(deps, 2),
        t.service.expiry.runNow(),
      ]);
      expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.offsetMs = 0;
    }
    const c = await until(id, (x) => x.status === 'expired', 'expired');
    expect(c.validUntil).toBeUndefined();
    const expiries = (await t.service.repository.causes(id)).filter((r) => r.causedBy.startsWith('expire:'));
    expect(expiries).toEqual([
      expect.objectContaining({ causedBy: `expire:${cleared.current!.decisionId}`, events: ['clearance.expired'] }),
    ]);
    const expired = (await t.clearanceEvents(id, 2)).filter((e) => e.type === 'clearance.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]?.data).toMatchObject({ decisionId: cleared.current!.decisionId, validUntil: cleared.current!.validUntil });
  });

  it('when the nomination is withdrawn, then the case stops and later results decide nothing', async () => {
    const id = newCandidateId();
    await t.publish(events.submitted(id), events.withdrawn(id));
    await until(id, (x) => x.status === 'withdrawn', 'withdrawn');
    await t.publish(events.screened(id), events.references(id));
    const c = await until(id, (x) => x.inputsVersion === 3, 'inputs recorded');
    expect(c.status).toBe('withdrawn');
    expect(c.decisions).toHaveLength(0);
  });

  it('when a nomination declares items and employment periods, then the case document keeps them only sealed under the person’s key, and the policy still reads them', async () => {
    const id = newCandidateId();
    const employment = {
      periods: [
        { from: '2013-04', to: '2019-11' },
        { from: '2019-12', nationalService: true },
      ],
      declaredNoOtherEmployer: true,
    };
    await t.publish(
      events.submitted(id, 'military-contingent', 1, { employment, declared: ['repatriatedOnDisciplinaryGrounds'] }),
      events.screened(id),
      events.references(id),
    );
    const c = await until(id, (x) => x.decisions.length > 0, 'decided');
    expect(c.current!.findings).toContain('self-declaration:repatriatedOnDisciplinaryGrounds');
    expect(c.inputs.nomination).toMatchObject({ employment, declared: ['repatriatedOnDisciplinaryGrounds'] });
    const client = await MongoClient.connect(t.env.env.MONGO_URL!);
    try {
      const raw = JSON.stringify(await client.db(t.env.env.MONGO_DB).collection('clearance_cases').find({}).toArray());
      expect(raw).toContain(id);
      for (const clear of ['"declared":[', '"periods"', '2013-04', '2019-11', 'declaredNoOtherEmployer'])
        expect(raw, clear).not.toContain(clear);
    } finally {
      await client.close();
    }
  });
});
