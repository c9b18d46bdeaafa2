import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEvent,
  createEventPublisher,
  createEventValidator,
  loadConfig,
  type EventEnvelope,
  type EventPublisher,
} from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { trustedKeys, verifySignedDocument } from '@vetting/signing';
import { CERTIFICATE_FORMAT } from '../domain/rotation-certificate';
import { inService } from '../testing/nominations';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';

const list = { listId: 'un-sea', version: 4, contentHash: 'sha256:abc' };
const ROTATION = 'ROT-SIGNED';

describe('certificates as signed, versioned documents (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let publisher: EventPublisher;
  let gh: string;
  let np: string;
  const ids: string[] = [];

  const decide = (id: string, revision: number, outcome: 'cleared' | 'not-cleared') =>
    publisher.publish([
      createEvent('screening', {
        type: 'screening.completed',
        subject: id,
        data: {
          candidateId: id,
          country: 'GH',
          screeningId: `${id}:${revision}`,
          candidateRevision: revision,
          outcome: 'clear',
          listVersions: [list],
          hits: [],
        },
      }),
      createEvent('clearance', {
        type: 'clearance.decided',
        subject: id,
        data: {
          candidateId: id,
          country: 'GH',
          decisionId: `d-${id}-${revision}`,
          outcome,
          policyVersion: 1,
          decidedBy: 'policy',
          reasons: ['r'],
          inputs: { screening: { screeningId: `${id}:${revision}`, outcome: 'clear', listVersions: [list] }, references: [] },
        },
      }),
    ]);
  const shows = (id: string, status: string, revision: number) =>
    waitFor(
      async () =>
        (
          (await request(intake.app).get(`/candidates?rotation=${ROTATION}`).set('authorization', gh)).body.items as {
            id: string;
            status: string;
            revision: number;
          }[]
        ).some((c) => c.id === id && c.status === status && c.revision === revision),
      { message: `${id} ${status}` },
    );
  const nominate = async (name: string) =>
    (
      await request(intake.app)
        .post('/candidates')
        .set('authorization', gh)
        .send({
          nomination: { mission: 'UNMISS', rotation: ROTATION, category: 'military-contingent' },
          person: { names: [{ full: name }], dateOfBirth: '1990', previousEmployers: [inService] },
          consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
        })
    ).body.id as string;

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks });
    publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    gh = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    np = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
    ids.push(await nominate('Kofi Signed'), await nominate('Esi Signed'));
    await Promise.all([decide(ids[0]!, 1, 'cleared'), decide(ids[1]!, 1, 'cleared')]);
    await shows(ids[0]!, 'cleared', 1);
    await shows(ids[1]!, 'cleared', 1);
    expect(
      (await request(intake.app).post(`/rotations/${ROTATION}/certification`).set('authorization', gh).send({ statement: 'first' })).status,
    ).toBe(201);
    // The second member is corrected and decided again: the roll changed, so certifying again makes version 2.
    await request(intake.app)
      .patch(`/candidates/${ids[1]}`)
      .set('authorization', gh)
      .send({ nomination: { mission: 'UNMISS', rotation: ROTATION, category: 'staff-officer' } })
      .expect(200);
    await decide(ids[1]!, 2, 'not-cleared');
    await shows(ids[1]!, 'not-cleared', 2);
    expect(
      (await request(intake.app).post(`/rotations/${ROTATION}/certification`).set('authorization', gh).send({ statement: 'second' }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await intake?.stop();
    await env?.cleanup();
  });

  it('when a rotation is certified twice, then both versions are kept, newest first, each with its own hash and signature', async () => {
    const res = await request(intake.app).get(`/rotations/${ROTATION}/certificates`).set('authorization', gh).expect(200);
    expect(
      res.body.items.map((v: { version: number; memberCount: number; outcomes: object }) => [v.version, v.memberCount, v.outcomes]),
    ).toEqual([
      [2, 2, { cleared: 1, notCleared: 1 }],
      [1, 2, { cleared: 2, notCleared: 0 }],
    ]);
    expect(res.body.items[0].supersedes).toBe(res.body.items[1].id);
    expect(res.body.items[0].contentHash).not.toBe(res.body.items[1].contentHash);
    expect(res.body.items.every((v: { signature?: { keyId: string } }) => /^[0-9a-f]{16}$/.test(v.signature?.keyId ?? ''))).toBe(true);
    const first = await request(intake.app).get(`/rotations/${ROTATION}/certificates/1`).set('authorization', gh).expect(200);
    expect(first.body).toMatchObject({ version: 1, statement: 'first' });
    expect(first.body.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Esi Signed', 'Kofi Signed']);
  });

  it('when a version is downloaded signed, then it verifies with the published key, and fails once altered or checked with another key', async () => {
    const keys = await request(intake.app).get('/signing-keys').expect(200);
    const trusted = trustedKeys(keys.body.keys);
    const signed = await request(intake.app).get(`/rotations/${ROTATION}/certificates/1/signed`).set('authorization', gh).expect(200);
    expect(signed.headers['content-disposition']).toMatch(/attachment/);
    expect(JSON.stringify(signed.body)).not.toMatch(/Kofi|Esi|displayName/);
    expect(verifySignedDocument(signed.body, { format: CERTIFICATE_FORMAT, trusted })).toMatchObject({
      ok: true,
      contentHash: signed.body.contentHash,
    });
    const altered = structuredClone(signed.body);
    altered.content.members[0].status = 'not-cleared';
    expect(verifySignedDocument(altered, { format: CERTIFICATE_FORMAT, trusted })).toMatchObject({ ok: false, problem: 'content-altered' });
    const { generateKeyPairSync } = await import('node:crypto');
    const stranger = trustedKeys([generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()]);
    expect(verifySignedDocument(signed.body, { format: CERTIFICATE_FORMAT, trusted: stranger })).toMatchObject({
      ok: false,
      problem: 'unknown-key',
    });
  });

  it('when version 2 is compared with version 1, then the changed member shows its state before and after, named', async () => {
    const diff = await request(intake.app)
      .get(`/rotations/${ROTATION}/certificates/2/diff`)
      .query({ against: 1 })
      .set('authorization', gh)
      .expect(200);
    expect(diff.body).toMatchObject({ from: { version: 1 }, to: { version: 2 }, unchanged: 1, added: [], removed: [] });
    expect(diff.body.changed).toEqual([
      expect.objectContaining({
        candidateId: ids[1],
        before: expect.objectContaining({ status: 'cleared', revision: 1, displayName: 'Esi Signed' }),
        after: expect.objectContaining({ status: 'not-cleared', revision: 2 }),
      }),
    ]);
    expect(
      (await request(intake.app).get(`/rotations/${ROTATION}/certificates/2/diff`).query({ against: 2 }).set('authorization', gh)).status,
    ).toBe(404);
  });

  it("when another country's office asks, then it finds no certificate; the event of each version names the signing key", async () => {
    expect((await request(intake.app).get(`/rotations/${ROTATION}/certificates`).set('authorization', np)).status).toBe(404);
    expect((await request(intake.app).get(`/rotations/${ROTATION}/certificates/1/signed`).set('authorization', np)).status).toBe(404);
    expect(
      (await request(intake.app).get(`/rotations/${ROTATION}/certificates/1/signed`).query({ country: 'GH' }).set('authorization', np))
        .status,
    ).toBe(403);
    const certified = await waitFor(async () => {
      const read = (await readTopic(env.kafka, `${env.prefix}vetting.candidates`, 10_000, 2_000))
        .map((m) => JSON.parse(m.value) as EventEnvelope)
        .filter((e) => e.type === 'rotation.certified');
      return read.length >= 2 ? read : undefined;
    });
    const keyId = (await request(intake.app).get('/signing-keys')).body.keys[0].keyId;
    expect(certified.map((e) => (e.data as { signature?: { keyId: string } }).signature?.keyId)).toEqual([keyId, keyId]);
  });
});
