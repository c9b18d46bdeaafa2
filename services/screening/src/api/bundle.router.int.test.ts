import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleScreener, openListBundle, type ListBundle } from '@vetting/banlists';
import type { EventEnvelope } from '@vetting/platform';
import { readTopic, waitFor } from '@vetting/platform/testing';
import { trustedKeys } from '@vetting/signing';
import { publishList, startTestScreening } from '../testing/fixtures';

const tariq = { id: 'BAR-1', name: 'Tariq Mehmood Qadir', dateOfBirth: '1979-04-12', nationality: 'PK', passport: 'AB9081726' };
const olena = { id: 'BAR-2', name: 'Olena Viktorivna Hrytsenko', dateOfBirth: '1988-06-02', nationality: 'UA' };

describe('offline list bundles and offline results (real Kafka, Redis and database)', () => {
  let t: Awaited<ReturnType<typeof startTestScreening>>;
  let bundle: ListBundle;
  let np: string;
  beforeAll(async () => {
    t = await startTestScreening({ BUNDLE_VALID_HOURS: '48' });
    np = await t.bearer('office-np', ['tcc-officer'], 'NP');
    await publishList(t.service.app, t.screener, 'bar', [tariq]);
    await waitFor(() => t.service.lists.versionOf('bar')?.version === 1);
    bundle = (await request(t.service.app).get('/lists/bundle').set('authorization', t.tcc).expect(200)).body;
  });
  afterAll(async () => {
    await t?.service.stop();
    await t?.env.cleanup();
  });

  it('when an office downloads a bundle, then it verifies with the published key, names its holder and carries no reason for a listing', async () => {
    const keys = (await request(t.service.app).get('/signing-keys').expect(200)).body;
    const opened = openListBundle(bundle, { trusted: trustedKeys(keys.keys), maxAgeMs: 7 * 86_400_000 });
    expect(opened).toMatchObject({ ok: true });
    expect(bundle.content).toMatchObject({
      issuedTo: { actor: 'office-gh', country: 'GH' },
      lists: [
        expect.objectContaining({
          listId: 'bar',
          version: 1,
          entryCount: 1,
          provenance: expect.objectContaining({ format: expect.any(String), fileHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
        }),
      ],
    });
    expect(Date.parse(bundle.content.expiresAt) - Date.parse(bundle.content.createdAt)).toBe(48 * 3_600_000);
    expect(JSON.stringify(bundle)).not.toMatch(/CASE-BAR|"sea"|barred|listingDate/);
    const issued = await waitFor(async () =>
      (
        await readTopic(
          t.env.kafka,
          `${t.env.prefix}vetting.banlists`,
          (m) => m.some((x) => x.value.includes('banlist.bundle-issued')),
          30_000,
        )
      )
        .map((m) => JSON.parse(m.value) as EventEnvelope)
        .find((e) => e.type === 'banlist.bundle-issued'),
    );
    expect(issued).toMatchObject({
      source: 'screening',
      subject: bundle.content.bundleId,
      data: { contentHash: bundle.contentHash, keyId: bundle.signature.keyId, issuedTo: { country: 'GH' } },
    });
    expect(
      await t.service.runtime.db.collection('access_outbox').findOne({ 'outbox.subject': `bundle:${bundle.content.bundleId}` }),
    ).toBeTruthy();
  });

  it('when results screened offline arrive after the list changed, then each is screened again and the ones not clear today need review', async () => {
    const screener = createBundleScreener(bundle.content);
    const offline = [
      { ref: 'row-1', person: { names: ['Ama Serwaa Boateng'], dateOfBirth: '1994-02' } },
      { ref: 'row-2', person: { names: ['Olena Hrytsenko'], dateOfBirth: '1988-06-02', nationalities: ['UA'] } },
      { ref: 'row-3', person: { names: ['Tariq Mahmood Kadir'], dateOfBirth: '1979-04-12' } },
    ].map((r) => ({ ...r, screenedAt: new Date().toISOString(), outcome: screener.screen(r.person).outcome }));
    expect(offline.map((r) => r.outcome)).toEqual(['clear', 'clear', 'possible-match']);
    await publishList(t.service.app, t.screener, 'bar', [tariq, olena]);
    await waitFor(() => t.service.lists.versionOf('bar')?.version === 2);
    const body = { bundleId: bundle.content.bundleId, bundleContentHash: bundle.contentHash, results: offline };
    const res = await request(t.service.app)
      .post('/checks/offline')
      .set('authorization', t.tcc)
      .set('idempotency-key', 'offline-upload-0001')
      .send(body)
      .expect(201);
    expect(
      res.body.rows.map((r: { ref: string; currentOutcome: string; agrees: boolean; needsReview: boolean }) => [
        r.ref,
        r.currentOutcome,
        r.agrees,
        r.needsReview,
      ]),
    ).toEqual([
      ['row-1', 'clear', true, false],
      ['row-2', 'possible-match', false, true],
      ['row-3', 'possible-match', true, true],
    ]);
    expect(res.body).toMatchObject({
      country: 'GH',
      summary: { rows: 3, agree: 2, disagree: 1, needsReview: 2 },
      listVersions: [expect.objectContaining({ listId: 'bar', version: 2 })],
    });
    const again = await request(t.service.app)
      .post('/checks/offline')
      .set('authorization', t.tcc)
      .set('idempotency-key', 'offline-upload-0001')
      .send(body)
      .expect(200);
    expect(again.body._id).toBe(res.body._id);
    const stored = await t.service.runtime.db.collection('offline_uploads').find({}).toArray();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toMatch(/Boateng|Olena|Tariq|1994-02/);
    const event = await waitFor(async () =>
      (
        await readTopic(
          t.env.kafka,
          `${t.env.prefix}vetting.screenings`,
          (m) => m.some((x) => x.value.includes('offline-rescreened')),
          30_000,
        )
      )
        .map((m) => JSON.parse(m.value) as EventEnvelope)
        .find((e) => e.type === 'screening.offline-rescreened'),
    );
    expect(event?.data).toMatchObject({ uploadId: res.body._id, country: 'GH', rows: 3, disagree: 1, needsReview: 2 });
    expect((await request(t.service.app).get('/checks/offline').set('authorization', t.tcc).expect(200)).body.items).toHaveLength(1);
    expect((await request(t.service.app).get('/checks/offline').set('authorization', np).expect(200)).body.items).toHaveLength(0);
    expect((await request(t.service.app).get(`/checks/offline/${res.body._id}`).set('authorization', np)).status).toBe(404);
  });

  it('when results cite a bundle the platform did not issue to the uploader, then they are refused naming the bundle', async () => {
    const row = { ref: 'r', screenedAt: new Date().toISOString(), outcome: 'clear', person: { names: ['Some Person'] } };
    const forgedHash = `sha256:${'0'.repeat(64)}`;
    const forged = await request(t.service.app)
      .post('/checks/offline')
      .set('authorization', t.tcc)
      .send({ bundleId: bundle.content.bundleId, bundleContentHash: forgedHash, results: [row] });
    expect(forged.status).toBe(422);
    expect(forged.body).toMatchObject({ code: 'OFFLINE.BUNDLE_NOT_ISSUED', errors: [{ field: '/bundleId' }] });
    expect(
      (
        await request(t.service.app)
          .post('/checks/offline')
          .set('authorization', np)
          .send({ bundleId: bundle.content.bundleId, bundleContentHash: bundle.contentHash, results: [row] })
      ).status,
    ).toBe(422);
    expect(
      (
        await request(t.service.app)
          .post('/checks/offline')
          .set('authorization', t.tcc)
          .send({ bundleId: 'nope', bundleContentHash: bundle.contentHash, results: [row] })
      ).status,
    ).toBe(422);
  });

  it('when an auditor or a bad body asks, then the bundle is refused and the bad field is named', async () => {
    expect(
      (
        await request(t.service.app)
          .get('/lists/bundle')
          .set('authorization', await t.bearer('aud', ['auditor']))
      ).status,
    ).toBe(403);
    const bad = await request(t.service.app)
      .post('/checks/offline')
      .set('authorization', t.tcc)
      .send({
        bundleId: 'x',
        bundleContentHash: bundle.contentHash,
        results: [{ ref: 'r', screenedAt: 'yesterday', outcome: 'clear', person: { names: ['A B'] } }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/screenedAt/);
  });
});
