import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePersonKeys } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { createClearanceCaseRepository } from '../data/clearance-case.repository';
import type { caseView } from './read-cases.use-case';
import { openDueRevettings } from './open-due-revettings.use-case';
import { events, newCandidateId, startClearanceForTest } from '../testing/environment';

type CaseBody = ReturnType<typeof caseView>;
const DAY = 86_400_000;
// The built-in policy re-vets a soldier 11 months after the clearance, which holds 12 months.
const PAST_DUE = 340 * DAY;

describe('periodic re-vetting (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startClearanceForTest>>;
  let un: string;
  const caseOf = async (id: string): Promise<CaseBody> => (await request(t.app).get(`/cases/${id}`).set('authorization', un)).body;
  const until = (id: string, ok: (c: CaseBody) => boolean, message: string) =>
    waitFor(async () => ((c) => (ok(c) ? c : undefined))(await caseOf(id)), { message, timeoutMs: 90_000 });
  const clear = async (id: string) => {
    await t.publish(events.submitted(id), events.screened(id), events.references(id));
    return until(id, (c) => c.status === 'cleared', 'cleared');
  };
  /** Another replica of the service: its own repository (and cache) over the same database. */
  const replica = () => {
    const rt = t.service.runtime;
    const deps = {
      repository: createClearanceCaseRepository(rt.db, { keys: requirePersonKeys(rt), sealer: rt.sealer }),
      policies: t.service.policies,
      now: () => new Date(Date.now() + t.clock.offsetMs),
      onEvents: () => undefined,
    };
    return () => openDueRevettings(deps, 10);
  };
  const revisionsOpening = async (id: string) =>
    (await t.service.repository.causes(id)).filter((r) => r.events.includes('clearance.revetting-opened'));

  beforeAll(async () => {
    t = await startClearanceForTest();
    un = await t.bearer('adjudicator-1', 'un-adjudicator');
  });
  afterAll(async () => t?.stop());

  it('when three replicas run the due pass at once and again later, then a due person is re-opened exactly once, and the previous clearance holds until the new decision, which names it', async () => {
    const id = newCandidateId();
    const first = await clear(id);
    expect(await t.service.revetting.runNow()).toBe(0);
    t.clock.offsetMs = PAST_DUE;
    const [a, b] = [replica(), replica()];
    await Promise.all([a(), b(), t.service.revetting.runNow()]);
    await Promise.all([a(), b()]);
    expect(await revisionsOpening(id)).toHaveLength(1);
    const published = await t.clearanceEvents(id, 2);
    expect(published.filter((e) => e.type === 'clearance.revetting-opened')).toHaveLength(1);
    const opened = published.find((e) => e.type === 'clearance.revetting-opened')!.data as {
      revettingId: string;
      previousDecisionId: string;
      previousValidUntil: string;
    };
    expect(opened).toMatchObject({
      previousDecisionId: first.current!.decisionId,
      previousValidUntil: first.validUntil,
      category: 'military-contingent',
    });

    // Being re-vetted: still cleared, the same clearance; the office sees it in its list, another country does not.
    const during = await caseOf(id);
    expect(during).toMatchObject({ status: 'cleared', validUntil: first.validUntil, revetting: { revettingId: opened.revettingId } });
    const office = await request(t.app)
      .get('/revettings?state=in-progress')
      .set('authorization', await t.bearer('gh-office', 'tcc-officer', 'GH'));
    expect(office.body.items.find((i: { candidateId: string }) => i.candidateId === id)).toMatchObject({
      state: 'in-progress',
      previousDecisionId: first.current!.decisionId,
      validUntil: first.validUntil,
    });
    const other = await request(t.app)
      .get('/revettings?state=in-progress')
      .set('authorization', await t.bearer('np-office', 'tcc-officer', 'NP'));
    expect(other.body.items.some((i: { candidateId: string }) => i.candidateId === id)).toBe(false);

    // Intake's new revision and a fresh clean screening: the previous clearance still holds, nothing decided yet.
    const screened2 = events.screened(id, { revision: 2 });
    await t.publish(events.submitted(id, 'military-contingent', 2), screened2, screened2);
    const mid = await until(id, (c) => c.inputs.screening?.revision === 2, 'fresh screening recorded');
    expect(mid).toMatchObject({ status: 'cleared', validUntil: first.validUntil });
    expect(mid.decisions).toHaveLength(1);

    // The fresh checks: the new decision renews the clearance and names the one it renews.
    const refs2 = events.references(id);
    (refs2.data as unknown as { candidateRevision: number }).candidateRevision = 2;
    await t.publish(refs2, refs2);
    const done = await until(id, (c) => c.decisions.length === 2, 'the re-vetting decided');
    expect(done.current).toMatchObject({
      outcome: 'cleared',
      candidateRevision: 2,
      revetting: { revettingId: opened.revettingId, previousDecisionId: first.current!.decisionId },
    });
    expect(new Date(done.validUntil!).getTime()).toBeGreaterThan(new Date(first.validUntil!).getTime());
    expect(done.revetting).toBeUndefined();
    const decided = (await t.clearanceEvents(id, 3)).filter((e) => e.type === 'clearance.decided');
    expect(decided).toHaveLength(2);
    expect(decided[1]!.data).toMatchObject({
      revetting: { revettingId: opened.revettingId, previousDecisionId: first.current!.decisionId },
    });
    t.clock.offsetMs = 0;
  });

  it('when a cleared person was withdrawn or erased, then no re-vetting is ever opened for them', async () => {
    const [withdrawn, erased] = [newCandidateId(), newCandidateId()];
    await Promise.all([clear(withdrawn), clear(erased)]);
    await t.publish(events.withdrawn(withdrawn), events.erased(erased));
    await until(withdrawn, (c) => c.status === 'withdrawn', 'withdrawn');
    await waitFor(async () => (await t.service.repository.find(erased))?.erasedAt, { message: 'erasure recorded', timeoutMs: 90_000 });
    t.clock.offsetMs = PAST_DUE;
    await t.service.revetting.runNow();
    t.clock.offsetMs = 0;
    expect(await revisionsOpening(withdrawn)).toEqual([]);
    expect(await revisionsOpening(erased)).toEqual([]);
  });

  it('when an administrator publishes a re-vetting interval that is not shorter than the validity, or not a whole number, then the 400 names the field', async () => {
    const admin = await t.bearer('admin-1', 'admin');
    const base = {
      requiredChecks: (await request(t.app).get('/policies').set('authorization', admin)).body.items.at(-1).requiredChecks,
      validity: { months: 12, rotationEnds: [] },
    };
    const tooLong = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .send({ ...base, revetting: { civilian: { everyMonths: 12 } } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([
      { field: 'body/revetting/civilian/everyMonths', reason: expect.stringMatching(/shorter than validity\/months \(12\)/) },
    ]);
    const zero = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .send({ ...base, revetting: { 'staff-officer': { everyMonths: 0 } } });
    expect(zero.status).toBe(400);
    expect(JSON.stringify(zero.body.errors)).toMatch(/revetting\/staff-officer\/everyMonths/);
    const ok = await request(t.app)
      .post('/policies')
      .set('authorization', admin)
      .send({ ...base, validity: { months: 36, rotationEnds: [] }, revetting: { civilian: { everyMonths: 24 } } });
    expect(ok.status).toBe(201);
    expect(ok.body.revetting).toEqual({ civilian: { everyMonths: 24 } });
  });
});
