import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { events, newCandidateId, startClearanceForTest } from '../testing/environment';
import type { caseView } from '../use-cases/read-cases.use-case';

type CaseBody = ReturnType<typeof caseView>;

const ALL = ['national-criminal-record', 'disciplinary-record', 'un-records', 'misconduct-disclosure'];
const strictPolicy = {
  requiredChecks: {
    'military-contingent': ALL,
    'formed-police-unit': ALL,
    'individual-police': ALL,
    'staff-officer': ALL,
    civilian: ['national-criminal-record', 'un-records', 'misconduct-disclosure'],
  },
  employmentLookbackYears: 7,
  noticeResponseDays: 21,
  validity: { months: 6, rotationEnds: [{ mission: 'MINUSCA', rotation: 'R1', endsOn: '2099-12-31' }] },
  note: 'Seven years of employment for contingents',
};

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('policy versions and adjudication with four eyes (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startClearanceForTest>>;
  let officerA: string;
  let officerB: string;
  let admin: string;
  const caseOf = async (id: string): Promise<CaseBody> => (await request(t.app).get(`/cases/${id}`).set('authorization', officerA)).body;
  const until = (id: string, ok: (c: CaseBody) => boolean, message: string) =>
    waitFor(async () => ((c) => (ok(c) ? c : undefined))(await caseOf(id)), { message, timeoutMs: 90_000 });

  beforeAll(async () => {
    t = await startClearanceForTest();
    [officerA, officerB, admin] = await Promise.all([
      t.bearer('officer-a', 'un-adjudicator'),
      t.bearer('officer-b', 'un-adjudicator'),
      t.bearer('admin-1', 'admin'),
    ]);
  });
  afterAll(async () => t?.stop());

  it('when an administrator publishes a policy that turns absence of information into a refusal, then it is refused naming the rule', async () => {
    for (const [field, value] of [
      ['onNoResponse', 'not-cleared'],
      ['onFailedCheck', 'not-cleared'],
      ['onConfirmedMatch', 'not-cleared'],
      ['candidateResponseBeforeRefusal', false],
    ] as const) {
      const res = await request(t.app)
        .post('/policies')
        .set('authorization', admin)
        .send({ ...strictPolicy, [field]: value });
      expect(res.status, field).toBe(400);
      expect(res.body).toMatchObject({
        code: 'CLEARANCE.AUTOMATIC_REFUSAL',
        errors: [{ field: `body/${field}`, reason: expect.stringMatching(/person|respon/) }],
      });
    }
    const dropped = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .send({ ...strictPolicy, requiredChecks: { ...strictPolicy.requiredChecks, civilian: ['national-criminal-record'] } });
    expect(dropped.body).toMatchObject({
      code: 'CLEARANCE.INVALID_POLICY',
      errors: [{ field: 'body/requiredChecks/civilian', reason: expect.stringMatching(/must include misconduct-disclosure, un-records/) }],
    });
    expect((await request(t.app).get('/policies').set('authorization', admin)).body.activeVersion).toBe(1);
  });

  it('when an administrator publishes a policy, then it becomes the next version, is published for references and intake, and decides new cases', async () => {
    const before = await request(t.app).get('/policies').set('authorization', admin);
    expect(before.body).toMatchObject({
      activeVersion: 1,
      items: [{ version: 1, createdBy: 'system', employmentLookbackYears: 5, onNoResponse: 'adjudicate' }],
    });
    expect(before.body.items[0].requiredChecks['military-contingent']).toContain('misconduct-disclosure');
    expect((await request(t.app).post('/policies').set('authorization', officerA).send(strictPolicy)).status).toBe(403);
    const bad = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .send({ ...strictPolicy, validity: { months: 0, rotationEnds: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body/validity/months');
    const created = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .set('idempotency-key', 'policy-key-0001')
      .send(strictPolicy);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      version: 2,
      createdBy: 'admin-1',
      employmentLookbackYears: 7,
      noticeResponseDays: 21,
      onNoResponse: 'adjudicate',
      candidateResponseBeforeRefusal: true,
    });
    const retried = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .set('idempotency-key', 'policy-key-0001')
      .send(strictPolicy);
    expect(retried.body.version).toBe(2);

    const published = await t.clearanceEvents('clearance-policy', 2);
    expect(published.map((e) => [e.type, e.data.version, e.data.createdBy])).toEqual([
      ['clearance.policy-published', 1, 'system'],
      ['clearance.policy-published', 2, 'admin-1'],
    ]);
    expect(published[1]!.data.rules).toMatchObject({ employmentLookbackYears: 7, requiredChecks: strictPolicy.requiredChecks });

    // Employed by a civilian employer until six years ago: inside v2's seven-year window, so a disclosure is required.
    const sixYearsAgo = `${new Date().getUTCFullYear() - 6}`;
    const employment = {
      periods: [
        { from: '2010', to: sixYearsAgo },
        { from: `${Number(sixYearsAgo) + 1}`, nationalService: true },
      ],
      declaredNoOtherEmployer: false,
    };
    const missing = newCandidateId();
    const unanswered = newCandidateId();
    await t.publish(
      events.submitted(missing, 'military-contingent', 1, { employment }),
      events.screened(missing),
      events.references(missing),
    );
    await t.publish(
      events.submitted(unanswered),
      events.screened(unanswered),
      events.references(unanswered, [{ checkId: 'k1', checkType: 'un-records', result: 'no-response' }]),
    );
    const m = await until(missing, (c) => c.decisions.length > 0, 'decided under v2');
    expect(m.current).toMatchObject({
      policyVersion: 2,
      outcome: 'pending-review',
      route: 'adjudication',
      findings: ['missing:misconduct-disclosure'],
    });
    expect(m.current!.reasons[0]).toMatch(/misconduct-disclosure check has 0 of the 1 result/);
    const u = await until(unanswered, (c) => c.decisions.length > 0, 'decided under v2');
    expect(u.current).toMatchObject({ policyVersion: 2, outcome: 'pending-review', route: 'adjudication', kind: 'automatic' });
  });

  it('when an adjudicator overrides the policy, then only a different officer can countersign, and not after the inputs changed', async () => {
    const id = newCandidateId();
    await t.publish(
      events.submitted(id),
      events.screened(id),
      events.references(id, [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'adverse' }]),
    );
    await until(id, (c) => c.status === 'awaiting-adjudication', 'awaiting adjudication');
    // The queue reads the view, which follows the stored revisions a moment later.
    const queued = await waitFor(
      async () =>
        (await request(t.app).get('/adjudications').set('authorization', officerA)).body.items.find(
          (i: { candidateId: string }) => i.candidateId === id,
        ),
      { message: 'in the queue' },
    );
    expect(queued).toMatchObject({ status: 'awaiting-adjudication', policyVersion: 2 });

    const propose = (auth: string, body: object) => request(t.app).post(`/cases/${id}/adjudication`).set('authorization', auth).send(body);
    const countersign = (auth: string, proposalId: string) =>
      request(t.app)
        .post(`/cases/${id}/adjudication/countersignature`)
        .set('authorization', auth)
        .send({ proposalId, approve: true, reason: 'reviewed the employer’s letter' });

    const noReason = await propose(officerA, { outcome: 'cleared', reasons: ['the employer named another person'] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body/overrideReason');
    const first = await propose(officerA, {
      outcome: 'cleared',
      reasons: ['the employer named another person'],
      overrideReason: 'identity mismatch confirmed by the employer',
    });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'awaiting-countersignature', proposal: { proposedBy: 'officer-a', outcome: 'cleared' } });

    const self = await countersign(officerA, first.body.proposal.proposalId);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('CLEARANCE.SAME_OFFICER');

    await t.publish(events.check(id, 'k9', 'un-records', 'no-adverse'));
    await until(id, (c) => c.inputsVersion > first.body.proposal.inputsVersion, 'inputs changed');
    const stale = await countersign(officerB, first.body.proposal.proposalId);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CLEARANCE.INPUTS_CHANGED');

    const second = await propose(officerA, {
      outcome: 'cleared',
      reasons: ['the employer named another person'],
      overrideReason: 'identity mismatch confirmed by the employer',
    });
    expect(second.status).toBe(202);
    const signed = await countersign(officerB, second.body.proposal.proposalId).set('idempotency-key', 'countersign-0001');
    expect(signed.status).toBe(200);
    const retried = await countersign(officerB, second.body.proposal.proposalId).set('idempotency-key', 'countersign-0001');
    expect(retried.body, `${retried.status} ${retried.text}`).toMatchObject({ status: 'cleared', replayed: true });
    expect((await caseOf(id)).decisions.filter((d) => d.kind === 'adjudicated')).toHaveLength(1);
    expect(signed.body.decision).toMatchObject({
      outcome: 'cleared',
      kind: 'adjudicated',
      decidedBy: 'officer-a',
      countersignedBy: 'officer-b',
      policyVersion: 2,
    });

    const published = await t.clearanceEvents(id, 2);
    expect(published.at(-1)?.data).toMatchObject({
      outcome: 'cleared',
      kind: 'adjudicated',
      decidedBy: 'officer-a',
      countersignedBy: 'officer-b',
    });
    const replay = await request(t.app)
      .get(`/cases/${id}/decisions/${signed.body.decision.decisionId}/replay`)
      .set('authorization', await t.bearer('auditor-1', 'auditor'));
    expect(replay.body).toMatchObject({ consistent: true, outcome: 'cleared', policyVersion: 2, problems: [] });
  });

  it('when every decision of a case is replayed through the API, then each agrees with its record', async () => {
    const id = newCandidateId();
    await t.publish(
      events.submitted(id),
      events.screened(id),
      events.references(id, [{ checkId: 'k1', checkType: 'misconduct-disclosure', result: 'no-adverse' }]),
    );
    const c = await until(id, (x) => x.status === 'cleared', 'cleared');
    for (const d of c.decisions) {
      const replay = await request(t.app).get(`/cases/${id}/decisions/${d.decisionId}/replay`).set('authorization', officerB);
      expect(replay.body).toMatchObject({ consistent: true, outcome: d.outcome, validUntil: d.validUntil });
    }
  });

  it('when a TCC officer or a screener tries to adjudicate, then it is refused by role', async () => {
    const office = await t.bearer('gh-office', 'tcc-officer', 'GH');
    const res = await request(t.app)
      .post('/cases/any-candidate/adjudication')
      .set('authorization', office)
      .send({ outcome: 'cleared', reasons: ['x'] });
    expect(res.status).toBe(403);
    const screener = await t.bearer('screener-1', 'un-screener');
    expect((await request(t.app).get('/adjudications').set('authorization', screener)).status).toBe(403);
  });
});
