import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { candidateEvent, eventsOfType, publishCandidates, publishList, startTestScreening, type EntryInput } from '../testing/fixtures';

const tariq: EntryInput = { id: 'BAR-1', name: 'Tariq Mehmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK' };
const olena: EntryInput = { id: 'BAR-2', name: 'Olena Viktorivna Hrytsenko', dateOfBirth: '1988', nationality: 'UA' };
const person = { name: 'Tariq Mahmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK' };

describe('review queue and resolutions (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;
  const get = (path: string, auth = t.screener) => request(t.service.app).get(path).set('authorization', auth);
  const rescreenDone = (version: number) =>
    waitFor(async () => (await get(`/rescreens/bar/${version}`)).body.status === 'completed', {
      message: `re-screen of v${version}`,
      timeoutMs: 60_000,
    });
  const completedFor = async (candidateId: string) =>
    (
      await eventsOfType<{ candidateId: string; trigger: string; outcome: string; hits: { resolution: string }[] }>(
        t.env,
        'vetting.screenings',
        'screening.completed',
      )
    ).filter((e) => e.data.candidateId === candidateId);

  beforeAll(async () => {
    t = await startTestScreening();
    await publishList(t.service.app, t.screener, 'bar', [tariq, olena]);
  });
  afterAll(async () => t?.service.stop());

  it('when a possible match is resolved as a false positive, then the queue empties, the event carries the outcome, and re-screens keep it resolved', async () => {
    const submitted = candidateEvent(person);
    const candidateId = (submitted.data as { candidateId: string }).candidateId;
    await publishCandidates(t, [submitted, candidateEvent({ name: 'Kwame Mensah', dateOfBirth: '1990-05' })]);
    const screening = await waitFor(
      async () => (await get(`/screenings/${candidateId}`)).body.id && (await get(`/screenings/${candidateId}`)).body,
      { message: 'screened' },
    );
    expect(screening.outcome).toBe('possible-match');

    const queue = await waitFor(
      async () => {
        const items = (await get('/review-queue')).body.items as { candidateId: string; screeningId: string }[];
        return items.find((i) => i.candidateId === candidateId);
      },
      { message: 'queued' },
    );
    expect((await get('/review-queue', t.tcc)).status).toBe(403);
    expect((await get(`/reviews/${queue.screeningId}`, t.tcc)).status).toBe(403);

    const review = (await get(`/reviews/${queue.screeningId}`)).body;
    expect(review.person.names[0].full).toBe('Tariq Mahmood Qadir');
    expect(review.hits[0]).toMatchObject({
      hit: { listId: 'bar', entryId: 'BAR-1' },
      entry: { id: 'BAR-1', names: [{ full: 'Tariq Mehmood Qadir' }] },
      resolution: { status: 'unresolved' },
    });
    expect(review.hits[0].hit.features.length).toBeGreaterThan(0);
    expect(review.hits[0].hit.summary).toBeTruthy();

    const path = `/reviews/${queue.screeningId}/hits/bar/BAR-1/resolution`;
    const missingReason = await request(t.service.app).post(path).set('authorization', t.screener).send({ resolution: 'false-positive' });
    expect(missingReason.status).toBe(400);
    expect(missingReason.body.errors[0].field).toBe('body/reason');
    const resolved = await request(t.service.app)
      .post(path)
      .set('authorization', t.screener)
      .send({ resolution: 'false-positive', reason: 'Different father name and place of birth on the passport' });
    expect(resolved.body).toMatchObject({ outcome: 'clear', pendingReview: false });
    const event = await waitFor(async () =>
      (await eventsOfType<{ candidateId: string }>(t.env, 'vetting.screenings', 'screening.match-resolved')).find(
        (e) => e.data.candidateId === candidateId,
      ),
    );
    expect(event.data).toMatchObject({
      listId: 'bar',
      entryId: 'BAR-1',
      resolution: 'false-positive',
      outcome: 'clear',
      resolvedBy: 'officer-un-1',
    });
    await waitFor(
      async () => !((await get('/review-queue')).body.items as { candidateId: string }[]).some((i) => i.candidateId === candidateId),
      { message: 'left the queue' },
    );
    const again = await request(t.service.app)
      .post(path)
      .set('authorization', t.screener)
      .send({ resolution: 'confirmed', reason: 'second thoughts' });
    expect(again.status).toBe(409);

    // Another entry changes: the same person against the unchanged entry stays resolved, nothing is announced.
    await publishList(
      t.service.app,
      t.screener,
      'bar',
      [tariq, { ...olena, dateOfBirth: '1987' }],
      await t.bearer('officer-un-2', ['un-screener']),
    );
    await rescreenDone(2);
    expect((await completedFor(candidateId)).filter((e) => e.data.trigger === 'rescreen')).toHaveLength(0);
    expect((await get(`/screenings/${candidateId}`)).body.outcome).toBe('clear');

    // The office re-sends the same person data: the new screening carries the decision over.
    await publishCandidates(t, [candidateEvent({ ...person, candidateId, revision: 2, type: 'candidate.updated' })]);
    const updated = await waitFor(async () => (await completedFor(candidateId)).find((e) => e.data.trigger === 'updated'), {
      message: 'updated screening',
    });
    expect(updated.data.outcome).toBe('clear');
    expect(updated.data.hits[0]!.resolution).toBe('false-positive');

    // The listed entry itself changes: the decision no longer holds and the hit is raised again.
    await publishList(t.service.app, t.screener, 'bar', [
      { ...tariq, passport: 'AB9081726' },
      { ...olena, dateOfBirth: '1987' },
    ]);
    await rescreenDone(3);
    const raised = await waitFor(async () => (await completedFor(candidateId)).find((e) => e.data.trigger === 'rescreen'), {
      message: 're-raised',
    });
    expect(raised.data.outcome).toBe('possible-match');
  });

  it('when a hit is confirmed, then the outcome is a match', async () => {
    const submitted = candidateEvent({ name: 'Olena Hrytsenko', dateOfBirth: '1987', nationality: 'UA' });
    const candidateId = (submitted.data as { candidateId: string }).candidateId;
    await publishCandidates(t, [submitted]);
    const screening = await waitFor(
      async () => {
        const body = (await get(`/screenings/${candidateId}`)).body;
        return body.outcome === 'possible-match' && body;
      },
      { message: 'screened' },
    );
    const res = await request(t.service.app)
      .post(`/reviews/${screening.id}/hits/bar/BAR-2/resolution`)
      .set('authorization', t.screener)
      .send({ resolution: 'confirmed', reason: 'Same passport photo and date of birth' });
    expect(res.body).toMatchObject({ resolution: 'confirmed', outcome: 'match' });
  });

  it('when the queue is filtered by country, mission and age and read page by page, then each page holds only matching items and the total counts them all', async () => {
    const mission = `M-${Date.now().toString(36)}`;
    const events = [
      candidateEvent({ name: 'Tariq Mahmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK', country: 'NP', mission }),
      candidateEvent({ name: 'Tariq Mehmood Qadir', dateOfBirth: '1979', country: 'NP', mission }),
      candidateEvent({ name: 'Tariq M. Qadir', dateOfBirth: '1979-04', country: 'NP', mission }),
      candidateEvent({ name: 'Tariq Mahmood Qadir', dateOfBirth: '1979-04-12', country: 'GH', mission }),
    ];
    await publishCandidates(t, events);
    const ids = events.map((e) => (e.data as { candidateId: string }).candidateId);
    const page = (query: string) => get(`/review-queue?${query}`);
    const first = await waitFor(
      async () => {
        const res = await page(`country=NP&mission=${mission}&limit=2`);
        return res.body.total === 3 && res.body;
      },
      { message: 'three Nepalese items queued', timeoutMs: 60_000 },
    );
    const second = (await page(`country=NP&mission=${mission}&limit=2&offset=2`)).body;
    const listed = [...first.items, ...second.items] as { candidateId: string; country: string; mission: string }[];
    expect(listed.map((i) => i.candidateId).sort()).toEqual(ids.slice(0, 3).sort());
    expect(listed.every((i) => i.country === 'NP' && i.mission === mission)).toBe(true);
    expect((await page(`mission=${mission}`)).body.total).toBe(4);
    // Age: nothing of this mission has waited since before an hour ago; everything waits since before now.
    expect((await page(`mission=${mission}&pendingBefore=${new Date(Date.now() - 3_600_000).toISOString()}`)).body.total).toBe(0);
    expect((await page(`mission=${mission}&pendingBefore=${new Date(Date.now() + 1000).toISOString()}`)).body.total).toBe(4);
    expect((await page('country=np')).status).toBe(400);
  });
});
