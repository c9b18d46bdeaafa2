import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { events, newCandidateId, possibleHit, startClearanceForTest } from '../testing/environment';
import type { caseView } from '../use-cases/read-cases.use-case';

type CaseBody = ReturnType<typeof caseView>;
type FlagItem = { candidateId: string; flagId: string; acknowledgements: { party: string; by: string; at: string; note?: string }[] };

// Generous timeouts: the machine is shared, and these wait for conditions, never for time.
describe('acknowledging the flags raised by a revocation (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startClearanceForTest>>;
  let screener: string;
  let ghOffice: string;
  let id: string;
  let flagId: string;
  const acknowledge = (auth: string, body: object = {}, key?: string) => {
    const req = request(t.app).post(`/cases/${id}/flags/${flagId}/acknowledgement`).set('authorization', auth);
    return (key ? req.set('idempotency-key', key) : req).send(body);
  };
  const flagsOf = async (auth: string, query = '') =>
    ((await request(t.app).get(`/flags${query}`).set('authorization', auth)).body.items as FlagItem[]).filter((f) => f.candidateId === id);

  beforeAll(async () => {
    t = await startClearanceForTest();
    [screener, ghOffice] = await Promise.all([t.bearer('screener-2', 'un-screener'), t.bearer('gh-office', 'tcc-officer', 'GH')]);
    id = newCandidateId();
    const caseOf = async (): Promise<CaseBody> => (await request(t.app).get(`/cases/${id}`).set('authorization', screener)).body;
    await t.publish(events.submitted(id), events.screened(id), events.references(id));
    await waitFor(async () => ((await caseOf()).status === 'cleared' ? true : undefined), { message: 'cleared', timeoutMs: 90_000 });
    await t.publish(events.screened(id, { outcome: 'possible-match', hits: [possibleHit('e7')], trigger: 'rescreen' }));
    const revoked = await waitFor(async () => ((c) => (c.flags?.length ? c : undefined))(await caseOf()), {
      message: 'revoked and flagged',
      timeoutMs: 90_000,
    });
    flagId = revoked.flags[0]!.flagId;
    // GET /flags reads the view, which follows the stored revision a moment later.
    await waitFor(async () => ((await flagsOf(screener)).length ? true : undefined), { message: 'flag listed', timeoutMs: 30_000 });
  });
  afterAll(async () => t?.stop());

  it('when the office acknowledges a flag, then who and when are stored once, a retry answers as the first time, and a second office officer is told who did it', async () => {
    const first = await acknowledge(ghOffice, { note: 'withdrawn from the rotation' }, 'ack-key-0001');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      candidateId: id,
      replayed: false,
      acknowledgement: { party: 'office', by: 'gh-office', note: 'withdrawn from the rotation' },
    });
    expect(first.body.flag.reason).not.toMatch(/ban-list/);
    const retried = await acknowledge(ghOffice, { note: 'withdrawn from the rotation' }, 'ack-key-0001');
    expect(retried.body).toMatchObject({ replayed: true, acknowledgement: { at: first.body.acknowledgement.at } });
    const colleague = await acknowledge(await t.bearer('gh-office-2', 'tcc-officer', 'GH'));
    expect(colleague.status).toBe(409);
    expect(colleague.body).toMatchObject({ code: 'CLEARANCE.FLAG_ALREADY_ACKNOWLEDGED', acknowledgement: { by: 'gh-office' } });
  });

  it('when someone outside the case’s parties or with bad input acknowledges, then it is refused without a change', async () => {
    expect((await acknowledge(await t.bearer('np-office', 'tcc-officer', 'NP'))).status).toBe(404);
    expect((await acknowledge(await t.bearer('auditor-1', 'auditor'))).status).toBe(403);
    const bad = await acknowledge(screener, { note: 'ok', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/^body/);
    const empty = await acknowledge(screener, { note: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body/note');
    expect(
      (await request(t.app).post(`/cases/${id}/flags/no-such-flag/acknowledgement`).set('authorization', screener).send({})).status,
    ).toBe(404);
    expect((await flagsOf(screener))[0]!.acknowledgements.map((a) => a.party)).toEqual(['office']);
  });

  it('when the UN acknowledges too, then the flag leaves both parties’ open lists, both acknowledgements are published for the audit trail, and the office never sees the UN’s note', async () => {
    const un = await acknowledge(screener, { note: 'review opened' });
    expect(un.body).toMatchObject({ acknowledgement: { party: 'un', by: 'screener-2', note: 'review opened' } });
    await waitFor(async () => ((await flagsOf(screener, '?open=true')).length === 0 ? true : undefined), {
      message: 'no longer open for the UN',
      timeoutMs: 30_000,
    });
    expect(await flagsOf(ghOffice, '?open=true')).toEqual([]);
    const [officeSees] = await flagsOf(ghOffice);
    expect(officeSees!.acknowledgements.map((a) => [a.party, a.by, a.note])).toEqual([
      ['office', 'gh-office', 'withdrawn from the rotation'],
      ['un', 'screener-2', undefined],
    ]);

    const published = await t.clearanceEvents(id, 5);
    const acks = published.filter((e) => e.type === 'clearance.flag-acknowledged');
    expect(acks.map((e) => [e.data.party, e.data.actor, e.data.flagId])).toEqual([
      ['office', 'gh-office', flagId],
      ['un', 'screener-2', flagId],
    ]);
    expect(JSON.stringify(acks)).not.toMatch(/review opened|withdrawn from/);
  });
});
