/**
 * One screening officer alone can neither rule out an identifier match (a STRONG hit: the same
 * passport) as a false positive nor take a person off a ban list: not by deleting the entry, not by
 * importing a list file that no longer holds them, not by "correcting" the entry into someone else.
 * Each attempt, and the same officer "countersigning" their own proposal, leaves the match and the
 * entry in force; only a second, different officer makes them take effect. Runs the screening
 * service with real Kafka, database and Redis.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import {
  candidateEvent,
  entry as listEntry,
  eventsOfType,
  platformFile,
  publishCandidates,
  publishList,
  startTestScreening,
} from '../../services/screening/src/testing/fixtures';

const listed = { id: 'BAR-77', name: 'Tariq Mehmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK', passport: 'AB9081726' };

describe('four eyes in screening (attack: one officer acting alone)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;
  let officerB: string;
  const app = () => t.service.app;

  beforeAll(async () => {
    t = await startTestScreening();
    officerB = await t.bearer('officer-un-2', ['un-screener']);
    await publishList(app(), t.screener, 'bar', [
      listed,
      { id: 'BAR-78', name: 'Olena Viktorivna Hrytsenko', dateOfBirth: '1988', nationality: 'UA' },
    ]);
  });
  afterAll(async () => t?.service.stop());

  it('when one officer rules out a strong hit as a false positive and countersigns it themself, then the match stands until a second officer countersigns', async () => {
    const submitted = candidateEvent({ name: 'Tariq Mahmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK', passport: 'AB9081726' });
    const candidateId = (submitted.data as { candidateId: string }).candidateId;
    await publishCandidates(t, [submitted]);
    const screening = await waitFor(
      async () => {
        const body = (await request(app()).get(`/screenings/${candidateId}`).set('authorization', t.screener)).body;
        return body.outcome === 'match' && body;
      },
      { message: 'screened as a match' },
    );
    expect(screening.hits.find((h: { entryId: string }) => h.entryId === 'BAR-77')?.band).toBe('match');
    const path = `/reviews/${screening.id}/hits/bar/BAR-77/resolution`;
    const outcome = async () => (await request(app()).get(`/screenings/${candidateId}`).set('authorization', t.screener)).body.outcome;

    // The attack: officer A alone says "not the same person".
    const alone = await request(app())
      .post(path)
      .set('authorization', t.screener)
      .send({ resolution: 'false-positive', reason: 'Looks like a different person to me' });
    expect(alone.status).toBe(202);
    expect(alone.body).toMatchObject({
      status: 'awaiting-countersignature',
      outcome: 'match',
      pendingReview: true,
      proposal: { proposedBy: 'officer-un-1' },
    });
    expect(await outcome()).toBe('match');

    // Officer A countersigning their own proposal: refused, nothing changes.
    const self = await request(app())
      .post(`${path}/countersignature`)
      .set('authorization', t.screener)
      .send({ proposalId: alone.body.proposal.proposalId, approve: true, reason: 'agreed' });
    expect(self.status).toBe(403);
    expect(self.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(self.body.code).toBe('SCREENING.SAME_OFFICER');
    expect(await outcome()).toBe('match');
    expect(
      (await eventsOfType<{ candidateId: string }>(t.env, 'vetting.screenings', 'screening.match-resolved')).filter(
        (e) => e.data.candidateId === candidateId,
      ),
    ).toHaveLength(0);

    // The review shows the open proposal to the second officer.
    const review = (await request(app()).get(`/reviews/${screening.id}`).set('authorization', officerB)).body;
    expect(review.hits.find((h: { hit: { entryId: string } }) => h.hit.entryId === 'BAR-77')).toMatchObject({
      resolution: { status: 'unresolved' },
      proposal: { proposedBy: 'officer-un-1', reason: 'Looks like a different person to me' },
    });

    // A second, different officer countersigns: now it takes effect, both names on the event.
    const signed = await request(app()).post(`${path}/countersignature`).set('authorization', officerB).send({
      proposalId: alone.body.proposal.proposalId,
      approve: true,
      reason: 'Passport issued by another country; checked with the mission',
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'resolved', resolution: 'false-positive', countersignedBy: 'officer-un-2' });
    const event = await waitFor(async () =>
      (await eventsOfType<{ candidateId: string }>(t.env, 'vetting.screenings', 'screening.match-resolved')).find(
        (e) => e.data.candidateId === candidateId,
      ),
    );
    expect(event.data).toMatchObject({ resolution: 'false-positive', resolvedBy: 'officer-un-1', countersignedBy: 'officer-un-2' });
  });

  it('when one officer deletes a ban-list entry and countersigns it themself, then the entry stays listed until a second officer countersigns', async () => {
    const entry = () => request(app()).get('/lists/bar/entries/BAR-77').set('authorization', t.screener);
    const before = (await entry()).body.version as number;

    const alone = await request(app())
      .delete('/lists/bar/entries/BAR-77')
      .query({ reason: 'Listing withdrawn' })
      .set('authorization', t.screener);
    expect(alone.status).toBe(202);
    expect(alone.body).toMatchObject({
      status: 'pending',
      proposedBy: 'officer-un-1',
      change: { kind: 'remove', entryId: 'BAR-77' },
      takesOff: { removed: [{ id: 'BAR-77', name: 'Tariq Mehmood Qadir' }] },
    });
    expect((await entry()).body).toMatchObject({ version: before, entry: { id: 'BAR-77' } });

    const countersign = (auth: string, approve = true) =>
      request(app())
        .post(`/lists/bar/pending-versions/${encodeURIComponent(alone.body.proposalId)}/countersignature`)
        .set('authorization', auth)
        .send({ approve, reason: 'Checked the withdrawal notice' });
    const self = await countersign(t.screener);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('BANLIST.SAME_OFFICER');
    expect((await entry()).body).toMatchObject({ version: before, entry: { id: 'BAR-77' } });
    const pending = (await request(app()).get('/lists/bar/pending-versions').set('authorization', officerB)).body.items;
    expect(pending).toEqual([expect.objectContaining({ proposalId: alone.body.proposalId, status: 'pending' })]);

    const signed = await countersign(officerB);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ proposal: { status: 'confirmed', decidedBy: 'officer-un-2' }, published: { version: before + 1 } });
    expect((await entry()).status).toBe(404);
    const latest = (await request(app()).get('/lists/bar/versions').set('authorization', t.screener)).body.items[0];
    expect(latest.provenance).toMatchObject({ importedBy: 'officer-un-1', countersignedBy: 'officer-un-2', format: 'manual-remove' });
    expect((await countersign(officerB)).status).toBe(409);
  });

  it('when one officer imports a list file that no longer holds an active entry, then the version waits for a second officer and the person stays listed', async () => {
    const listId = 'sea';
    const kept = { id: 'SEA-2', name: 'Olena Viktorivna Hrytsenko', dateOfBirth: '1988', nationality: 'UA' };
    await publishList(app(), t.screener, listId, [{ ...listed, id: 'SEA-1' }, kept]);
    const entry = () => request(app()).get(`/lists/${listId}/entries/SEA-1`).set('authorization', t.screener);
    const activeVersion = async () =>
      (await request(app()).get(`/lists/${listId}/versions`).set('authorization', t.screener)).body.activeVersion as number;

    // Adding people publishes at once, as before.
    const added = await request(app())
      .post(`/lists/${listId}/versions`)
      .set('authorization', t.screener)
      .send(platformFile([{ ...listed, id: 'SEA-1' }, kept, { id: 'SEA-3', name: 'Pavel Sergeyevich Orlov' }]));
    expect(added.status).toBe(201);
    const before = await activeVersion();

    // The attack: the same officer imports a file without SEA-1.
    const alone = await request(app())
      .post(`/lists/${listId}/versions`)
      .query({ reason: 'monthly refresh' })
      .set('authorization', t.screener)
      .send(platformFile([kept, { id: 'SEA-3', name: 'Pavel Sergeyevich Orlov' }]));
    expect(alone.status).toBe(202);
    expect(alone.body).toMatchObject({
      status: 'pending',
      change: { kind: 'import', format: 'platform-json' },
      basedOnVersion: before,
      takesOff: { removed: [{ id: 'SEA-1', name: 'Tariq Mehmood Qadir' }], reidentified: [] },
    });
    expect(await activeVersion()).toBe(before);
    expect((await entry()).status).toBe(200);

    const countersign = (auth: string) =>
      request(app())
        .post(`/lists/${listId}/pending-versions/${encodeURIComponent(alone.body.proposalId)}/countersignature`)
        .set('authorization', auth)
        .send({ approve: true, reason: 'checked' });
    const self = await countersign(t.screener);
    expect(self.status).toBe(403);
    expect(self.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(self.body.code).toBe('BANLIST.SAME_OFFICER');
    expect(await activeVersion()).toBe(before);
    expect((await entry()).status).toBe(200);

    // The second officer sees exactly whom the version takes off, then countersigns.
    const pending = (await request(app()).get(`/lists/${listId}/pending-versions`).set('authorization', officerB)).body.items;
    expect(pending).toEqual([
      expect.objectContaining({
        proposalId: alone.body.proposalId,
        takesOff: { removed: [{ id: 'SEA-1', name: 'Tariq Mehmood Qadir' }], reidentified: [] },
      }),
    ]);
    const signed = await countersign(officerB);
    expect(signed.status).toBe(200);
    expect(signed.body.published).toMatchObject({ version: before + 1, diff: { removed: 1 } });
    expect((await entry()).status).toBe(404);
    const latest = (await request(app()).get(`/lists/${listId}/versions`).set('authorization', t.screener)).body.items[0];
    expect(latest.provenance).toMatchObject({
      importedBy: 'officer-un-1',
      countersignedBy: 'officer-un-2',
      format: 'platform-json',
      reason: 'monthly refresh',
    });
  });

  it('when one officer corrects an entry into someone else, then the correction waits for a second officer and the original person still matches', async () => {
    const listId = 'corr';
    await publishList(app(), t.screener, listId, [{ ...listed, id: 'C-1' }]);
    const entry = async () => (await request(app()).get(`/lists/${listId}/entries/C-1`).set('authorization', t.screener)).body;
    const before = (await entry()).version as number;

    // A correction that keeps every identifying fact (adds a remark) publishes at once.
    const remark = await request(app())
      .put(`/lists/${listId}/entries/C-1`)
      .set('authorization', t.screener)
      .send({ entry: { ...listEntry({ ...listed, id: 'C-1' }), remarks: 'case file 2026-04' }, reason: 'add the case file' });
    expect(remark.status).toBe(201);

    // The attack: the same officer rewrites the name, date of birth and passport.
    const other = listEntry({
      id: 'C-1',
      name: 'Someone Entirely Different',
      dateOfBirth: '1990-01-01',
      nationality: 'PK',
      passport: 'ZZ0000001',
    });
    const alone = await request(app())
      .put(`/lists/${listId}/entries/C-1`)
      .set('authorization', t.screener)
      .send({ entry: other, reason: 'typo' });
    expect(alone.status).toBe(202);
    expect(alone.body).toMatchObject({
      status: 'pending',
      change: { kind: 'replace', entryId: 'C-1' },
      takesOff: {
        removed: [],
        reidentified: [{ id: 'C-1', name: 'Tariq Mehmood Qadir', fields: expect.arrayContaining(['names', 'datesOfBirth', 'documents']) }],
      },
    });
    expect(await entry()).toMatchObject({
      version: before + 1,
      entry: { names: [expect.objectContaining({ full: 'Tariq Mehmood Qadir' })] },
    });

    const countersign = (auth: string, approve: boolean) =>
      request(app())
        .post(`/lists/${listId}/pending-versions/${encodeURIComponent(alone.body.proposalId)}/countersignature`)
        .set('authorization', auth)
        .send({ approve, reason: 'checked' });
    const self = await countersign(t.screener, true);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('BANLIST.SAME_OFFICER');
    expect((await entry()).entry.names[0].full).toBe('Tariq Mehmood Qadir');

    // The second officer rejects it: nothing changes, and nothing is left waiting.
    const rejected = await countersign(officerB, false);
    expect(rejected.status).toBe(200);
    expect(rejected.body.proposal).toMatchObject({ status: 'rejected', decidedBy: 'officer-un-2' });
    expect(await entry()).toMatchObject({
      version: before + 1,
      entry: { names: [expect.objectContaining({ full: 'Tariq Mehmood Qadir' })] },
    });
    expect((await request(app()).get(`/lists/${listId}/pending-versions`).set('authorization', officerB)).body.items).toEqual([]);
  });
});
