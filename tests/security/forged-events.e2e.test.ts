/**
 * A forged screening result changes nothing. The attacker holds a real service's Kafka credentials
 * (intake's: a compromised service, or its leaked secret) and tries to clear a candidate whom
 * screening sent to review, against every service running as its own process.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafka, createLogger, type EventEnvelope } from '@vetting/platform';
import { readTopic, testInfra, waitFor, type InfraUrls } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

const sampleList = readFileSync(new URL('../../packages/banlists/samples/platform-banlist.sample.json', import.meta.url), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

async function api(
  base: string,
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  return { status: res.status, body: await res.json() };
}

describe('forged events against the running system', () => {
  let system: RunningSystem;
  let infra: InfraUrls;
  let officer: string;
  let adjudicator: string;
  let candidateId: string;

  beforeAll(async () => {
    infra = await testInfra();
    if (!infra.kafkaAuth) throw new Error('this suite needs the SASL-enabled broker of `npm run infra -- up`');
    system = await startSystem();
    officer = await system.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' });
    adjudicator = await system.issuer.token({ sub: 'adjudicator-1', roles: ['un-adjudicator'] });
    const screener = await system.issuer.token({ sub: 'screener-1', roles: ['un-screener'] });
    expect(
      (await api(system.url('screening'), '/lists/un-bar-forgery/versions', screener, { method: 'POST', body: sampleList })).status,
    ).toBe(201);
    const created = await api(system.url('intake'), '/candidates', officer, {
      method: 'POST',
      body: {
        nomination: { mission: 'UNMISS', rotation: 'NEPBATT-23', category: 'military-contingent' },
        person: {
          names: [{ full: 'Tariq Mahmood Qadir' }],
          dateOfBirth: '1979',
          nationalities: ['NP'],
          previousEmployers: [{ name: 'Nepal Army', role: 'Private', from: '2010', nationalService: true }],
        },
        consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
      },
    });
    candidateId = created.body.id as string;
    await waitFor(
      async () => (await api(system.url('intake'), `/candidates/${candidateId}`, officer)).body.decision?.outcome === 'pending-review',
      {
        timeoutMs: 90_000,
        message: 'the candidate waiting for review',
      },
    );
  }, 600_000);
  afterAll(async () => system?.stop());

  it('when intake’s credentials are used to publish a clean screening result, then the broker refuses it on the screenings topic, consumers dead-letter it elsewhere, and the case is unchanged', async () => {
    const caseBefore = (await api(system.url('clearance'), `/cases/${candidateId}`, adjudicator)).body;
    const status = caseBefore.status as string;
    const [real] = await readTopic(
      system.kafka,
      `${system.prefix}vetting.screenings`,
      (read) => read.some((m) => m.key === candidateId && m.value.includes('screening.completed')),
      30_000,
    ).then((read) => read.filter((m) => m.key === candidateId).map((m) => JSON.parse(m.value) as EventEnvelope<Record<string, unknown>>));
    expect(real?.type).toBe('screening.completed');
    const forge = (source: string): EventEnvelope<Record<string, unknown>> => ({
      ...real!,
      id: randomUUID(),
      source,
      time: new Date().toISOString(),
      data: { ...real!.data, screeningId: randomUUID(), outcome: 'clear', hits: [] },
    });

    const attacker = createKafka({
      clientId: 'attacker',
      brokers: infra.kafkaBrokers,
      logger: createLogger('attacker', 'silent'),
      sasl: { mechanism: infra.kafkaAuth!.mechanism, username: 'intake', password: infra.kafkaPasswords!.intake! },
      ssl: false,
    });
    const producer = attacker.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    const send = (topic: string, event: EventEnvelope<Record<string, unknown>>) =>
      producer.send({
        topic: `${system.prefix}${topic}`,
        acks: -1,
        messages: [{ key: candidateId, value: JSON.stringify(event), headers: { 'ce-type': event.type, 'ce-id': event.id } }],
      });

    // 1. On the topic clearance trusts for screening results: the broker's ACL refuses intake.
    await expect(send('vetting.screenings', forge('screening'))).rejects.toThrow(/Not authorized|authorization/i);
    // 2. On the topic intake may write, in screening's name and in its own: consumers refuse both.
    const inScreeningsName = forge('screening');
    const inOwnName = forge('intake');
    await send('vetting.candidates', inScreeningsName);
    await send('vetting.candidates', inOwnName);
    await producer.disconnect();

    const forgedIds = [inScreeningsName.id, inOwnName.id];
    const deadLetters = await readTopic(
      system.kafka,
      `${system.prefix}vetting.candidates.dlq`,
      (read) =>
        forgedIds.every((id) => read.some((m) => m.value.includes(id) && m.headers['dlq-consumer-group'] === `${system.prefix}clearance`)),
      60_000,
    );
    const clearanceLetters = deadLetters.filter((m) => m.headers['dlq-consumer-group'] === `${system.prefix}clearance`);
    for (const id of forgedIds) {
      const letter = clearanceLetters.find((m) => m.value.includes(id));
      expect(letter?.headers['dlq-error-code'], `forged event ${id} dead-lettered by clearance`).toBe('EVENT.FORGED_SOURCE');
    }

    const caseAfter = (await api(system.url('clearance'), `/cases/${candidateId}`, adjudicator)).body;
    expect(caseAfter.status).toBe(status);
    expect(caseAfter.decisions).toEqual(caseBefore.decisions);
    for (const forged of [inScreeningsName, inOwnName]) expect(JSON.stringify(caseAfter)).not.toContain(String(forged.data.screeningId));
    expect((await api(system.url('intake'), `/candidates/${candidateId}`, officer)).body.decision.outcome).toBe('pending-review');
    const metrics = await (await fetch(`${system.url('clearance')}/metrics`)).text();
    const refused = metrics
      .split('\n')
      .filter((l) => l.startsWith('events_refused_total{') && l.includes('topic="vetting.candidates"'))
      .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
    expect(refused).toBe(2);
  });
});
