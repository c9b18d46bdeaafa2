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
import { inService } from '../testing/nominations';

let serial = 0;
const submission = () => ({
  nomination: { mission: 'UNMISS', rotation: 'RV1', category: 'formed-police-unit' },
  person: {
    names: [{ full: `Grace Owusu ${++serial}` }],
    dateOfBirth: '1986-05-04',
    nationalities: ['NG'],
    documents: [{ type: 'passport', number: `RV${serial}0001`, country: 'NG' }],
    previousEmployers: [inService],
  },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'wet-signature-scanned' },
});
const list = { listId: 'un-sea', version: 7, contentHash: 'sha256:abc' };

describe('periodic re-vetting in intake (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let publisher: EventPublisher;
  let ng: string;
  const candidateEvents = (id: string, atLeast: number) =>
    waitFor(
      async () => {
        const mine = (await readTopic(env.kafka, `${env.prefix}vetting.candidates`, 10_000, 2_000))
          .map((m) => JSON.parse(m.value) as EventEnvelope)
          .filter((e) => e.subject === id);
        return mine.length >= atLeast ? mine : undefined;
      },
      { message: `${atLeast} events of ${id}`, timeoutMs: 60_000 },
    );
  /** Waits until intake's consumer group has committed every message of the topic (each handled). */
  const consumedAll = async (topic: string) => {
    const admin = env.kafka.admin();
    await admin.connect();
    try {
      const name = `${env.prefix}${topic}`;
      const ends = await admin.fetchTopicOffsets(name);
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId: `${env.prefix}intake`, topics: [name] });
          return ends.every(
            (e) =>
              Number(committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? -1) >= Number(e.high) ||
              Number(e.high) === 0,
          );
        },
        { message: `intake consumed ${topic}`, timeoutMs: 60_000 },
      );
    } finally {
      await admin.disconnect();
    }
  };
  const read = async (id: string) => (await request(intake.app).get(`/candidates/${id}`).set('authorization', ng)).body;
  const clearanceEvent = (type: string, id: string, data: Record<string, unknown>) =>
    createEvent('clearance', { type, subject: id, tenant: 'NG', data: { candidateId: id, country: 'NG', ...data } });
  const cleared = async () => {
    const { body } = await request(intake.app).post('/candidates').set('authorization', ng).send(submission());
    await publisher.publish([
      clearanceEvent('clearance.decided', body.id, {
        decisionId: `d-${body.id}`,
        candidateRevision: 1,
        outcome: 'cleared',
        policyVersion: 1,
        decidedBy: 'policy',
        reasons: ['clean'],
        validUntil: '2027-12-01T00:00:00.000Z',
        inputs: { screening: { screeningId: 's1', outcome: 'clear', listVersions: [list] }, references: [] },
      }),
    ]);
    await waitFor(async () => (await read(body.id)).status === 'cleared', { message: 'cleared' });
    return body.id as string;
  };
  const opened = (id: string, revettingId: string) =>
    clearanceEvent('clearance.revetting-opened', id, {
      revettingId,
      previousDecisionId: `d-${id}`,
      previousValidUntil: '2027-12-01T00:00:00.000Z',
      category: 'formed-police-unit',
      mission: 'UNMISS',
      rotation: 'RV1',
      dueAt: '2027-11-01T00:00:00.000Z',
      openedAt: '2027-11-01T00:05:00.000Z',
      policyVersion: 1,
    });

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks });
    publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    ng = `Bearer ${await env.issuer.token({ sub: 'ng-office', roles: ['tcc-officer'], country: 'NG' })}`;
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await intake?.stop();
  });

  it('when a re-vetting is opened, redelivered, then one new revision of the same person goes to screening and checks, linked to the clearance, and the office sees it cleared until the decision on that revision ends it', async () => {
    const id = await cleared();
    const event = opened(id, 'rv-1');
    await publisher.publish([event, event, opened(id, 'rv-1')]);
    const [, updated] = await candidateEvents(id, 2);
    expect(updated).toMatchObject({
      type: 'candidate.updated',
      data: { revision: 2, revetting: { revettingId: 'rv-1', previousDecisionId: `d-${id}` } },
    });
    expect((await intake.sealer.open<'candidate.updated'>(updated!))?.person.names[0]?.full).toMatch(/^Grace Owusu/);
    const view = await waitFor(async () => ((v) => (v.revision === 2 ? v : undefined))(await read(id)), { message: 'revision 2' });
    expect(view).toMatchObject({
      status: 'cleared',
      decision: { outcome: 'cleared', validUntil: '2027-12-01T00:00:00.000Z' },
      revetting: { revettingId: 'rv-1', revision: 2, inProgress: true },
    });
    expect(view.timeline.at(-1).event).toMatch(
      /periodic re-vetting opened .*the clearance holds until the new decision \(valid until 2027-12-01\)/,
    );
    // Every redelivery handled: still one re-vetting revision.
    await consumedAll('vetting.clearances');
    expect(await candidateEvents(id, 2)).toHaveLength(2);
    // The re-vetting's decision on revision 2 ends it for the office.
    await publisher.publish([
      clearanceEvent('clearance.decided', id, {
        decisionId: `d2-${id}`,
        candidateRevision: 2,
        outcome: 'cleared',
        policyVersion: 1,
        decidedBy: 'policy',
        reasons: ['clean'],
        validUntil: '2028-11-01T00:00:00.000Z',
        revetting: { revettingId: 'rv-1', previousDecisionId: `d-${id}` },
        inputs: { screening: { screeningId: 's2', outcome: 'clear', listVersions: [list] }, references: [] },
      }),
    ]);
    const renewed = await waitFor(async () => ((v) => (v.revetting?.inProgress === false ? v : undefined))(await read(id)), {
      message: 're-vetting decided',
    });
    expect(renewed).toMatchObject({ status: 'cleared', decision: { candidateRevision: 2, validUntil: '2028-11-01T00:00:00.000Z' } });
  });

  it('when the person was withdrawn or erased, then a re-vetting opens nothing for them', async () => {
    const [withdrawn, erased] = [await cleared(), await cleared()];
    expect(
      (
        await request(intake.app)
          .post(`/candidates/${withdrawn}/withdrawal`)
          .set('authorization', ng)
          .send({ reason: 'left the police service' })
      ).status,
    ).toBeLessThan(300);
    const admin = `Bearer ${await env.issuer.token({ sub: 'admin-1', roles: ['admin'] })}`;
    expect(
      (
        await request(intake.app)
          .post(`/candidates/${erased}/erasure`)
          .set('authorization', admin)
          .send({ reason: 'request of the person' })
      ).status,
    ).toBeLessThan(300);
    await publisher.publish([opened(withdrawn, 'rv-w'), opened(erased, 'rv-e')]);
    await consumedAll('vetting.clearances');
    for (const id of [withdrawn, erased]) expect((await candidateEvents(id, 1)).map((e) => e.type)).not.toContain('candidate.updated');
  });
});
