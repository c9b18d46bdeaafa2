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
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';
import { IN_SERVICE_CELLS, IN_SERVICE_COLUMNS, inService } from '../testing/nominations';

const list = { listId: 'un-sea', version: 7, contentHash: 'sha256:abc' };

describe('rotation certification (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let publisher: EventPublisher;
  let gh: string;
  let np: string;
  const ids: string[] = [];

  /** What screening and clearance would publish for a candidate's revision. */
  const decide = async (id: string, revision: number, outcome: 'cleared' | 'not-cleared') => {
    await publisher.publish([
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
  };
  const statusOf = (id: string, status: string) =>
    // The roll is read from the view (eventually consistent), so wait until the view shows the status, not only the revision.
    waitFor(
      async () =>
        (
          (await request(intake.app).get('/candidates?rotation=ROT-9&limit=500').set('authorization', gh)).body.items as {
            id: string;
            status: string;
          }[]
        ).some((c) => c.id === id && c.status === status),
      { message: `${id} ${status}` },
    );

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks });
    publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    gh = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    np = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
    const csv = [
      `name,date_of_birth,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,${IN_SERVICE_COLUMNS}`,
      ...[1, 2, 3].map((i) => `Member ${i},1991,GH-R-${i},yes,v1,2026-01-01,electronic-signature,${IN_SERVICE_CELLS}`),
    ].join('\n');
    const res = await request(intake.app)
      .post('/uploads?mode=all-or-nothing&mission=UNIFIL&rotation=ROT-9&category=military-contingent')
      .set('authorization', gh)
      .set('content-type', 'text/csv')
      .send(csv);
    await waitFor(
      async () => (await request(intake.app).get(`/uploads/${res.body.id}`).set('authorization', gh)).body.state === 'completed',
    );
    const roll = await request(intake.app).get('/candidates?rotation=ROT-9').set('authorization', gh);
    ids.push(...roll.body.items.map((c: { id: string }) => c.id).sort());
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await intake?.stop();
  });

  it('when a member has no decision yet, then the roll cannot be certified', async () => {
    await decide(ids[0]!, 1, 'cleared');
    await statusOf(ids[0]!, 'cleared');
    const res = await request(intake.app).post('/rotations/ROT-9/certification').set('authorization', gh).send({});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ROTATION.UNDECIDED', undecided: 2 });
    expect([...res.body.candidateIds].sort()).toEqual([ids[1]!, ids[2]!].sort());
  });

  it('when every member has a decision, then the certificate lists states and list versions, is stored once and announced', async () => {
    await decide(ids[1]!, 1, 'cleared');
    await decide(ids[2]!, 1, 'not-cleared');
    await statusOf(ids[1]!, 'cleared');
    await statusOf(ids[2]!, 'not-cleared');
    const res = await request(intake.app)
      .post('/rotations/ROT-9/certification')
      .set('authorization', gh)
      .send({ statement: 'Roll certified by the GH recruitment office', expectedMemberCount: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      country: 'GH',
      rotation: 'ROT-9',
      version: 1,
      missions: ['UNIFIL'],
      contentHash: expect.stringMatching(/^sha256:/),
    });
    expect(res.body.members.map((m: { status: string; listVersions: unknown[] }) => [m.status, m.listVersions])).toEqual(
      expect.arrayContaining([
        ['cleared', [list]],
        ['cleared', [list]],
        ['not-cleared', [list]],
      ]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/hits|entryId/);
    const again = await request(intake.app).post('/rotations/ROT-9/certification').set('authorization', gh).send({});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(res.body.id);
    const announced = await waitFor(async () => {
      const all = (await readTopic(env.kafka, `${env.prefix}vetting.candidates`, 10_000, 2_000)).map(
        (m) => JSON.parse(m.value) as EventEnvelope,
      );
      const certified = all.filter((e) => e.type === 'rotation.certified');
      return certified.length ? certified : undefined;
    });
    expect(announced).toHaveLength(1);
    expect(announced[0]!.data).toMatchObject({
      certificateId: res.body.id,
      memberCount: 3,
      outcomes: { cleared: 2, notCleared: 1 },
      listVersions: [list],
      contentHash: res.body.contentHash,
    });
    expect((await request(intake.app).get('/rotations/ROT-9/certification').set('authorization', np)).status).toBe(404);

    // Minimised: the stored certificate holds case references and ids, never names; a read shows them.
    expect(res.body.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Member 1', 'Member 2', 'Member 3']);
    const stored = await intake.runtime.db.collection('rotation_certificates').find({}).toArray();
    expect(stored.map((c) => (JSON.parse(c.members as string) as { caseReference: string }[]).length)).toEqual([3]);
    expect(JSON.stringify(stored)).not.toMatch(/Member [123]|displayName/);
    const shown = await request(intake.app).get('/rotations/ROT-9/certification').set('authorization', gh).expect(200);
    expect(shown.body.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Member 1', 'Member 2', 'Member 3']);
    expect(shown.body.contentHash).toBe(res.body.contentHash);
  });

  it('when the roll changes after certification, then the diff shows added, removed and changed members', async () => {
    await request(intake.app).post(`/candidates/${ids[0]}/withdrawal`).set('authorization', gh).send({ reason: 'Injured' });
    const patched = await request(intake.app)
      .patch(`/candidates/${ids[1]}`)
      .set('authorization', gh)
      .send({ nomination: { mission: 'UNIFIL', rotation: 'ROT-9', category: 'staff-officer' } });
    expect(patched.body.revision).toBe(2);
    const added = await request(intake.app)
      .post('/candidates')
      .set('authorization', gh)
      .send({
        nomination: { mission: 'UNIFIL', rotation: 'ROT-9', category: 'military-contingent' },
        person: { names: [{ full: 'Late Addition' }], serviceNumber: 'GH-R-4', previousEmployers: [inService] },
        consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
      });
    const diff = await waitFor(async () => {
      const res = await request(intake.app).get('/rotations/ROT-9/certification/diff').set('authorization', gh);
      return res.body.added?.length && res.body.removed?.length && res.body.changed?.length ? res.body : undefined;
    });
    expect(diff).toMatchObject({ version: 1, unchanged: 1 });
    expect(diff.added.map((m: { candidateId: string }) => m.candidateId)).toEqual([added.body.id]);
    expect(diff.removed.map((m: { candidateId: string }) => m.candidateId)).toEqual([ids[0]]);
    expect(diff.changed[0]).toMatchObject({
      candidateId: ids[1],
      before: { revision: 1, status: 'cleared' },
      after: { revision: 2, status: 'screening' },
    });
    expect((await request(intake.app).post('/rotations/ROT-9/certification').set('authorization', gh).send({})).status).toBe(409);
  });

  it('when a certificate was stored with its members as an array (before they were packed as text), then it still reads', async () => {
    const certificates = intake.runtime.db.collection<{ _id: string; members: string | unknown[]; version: number }>(
      'rotation_certificates',
    );
    const stored = await certificates.findOne({ _id: 'GH:ROT-9:v1' });
    await certificates.insertOne({ ...stored!, _id: 'GH:ROT-9:v90', version: 90, members: JSON.parse(String(stored!.members)) });
    const read = await request(intake.app).get('/rotations/ROT-9/certificates/90').set('authorization', gh).expect(200);
    expect(read.body.members).toHaveLength(3);
    expect(read.body.members.map((m: { displayName: string }) => m.displayName)).toContain('Member 3');
  });
});
