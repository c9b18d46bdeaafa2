/**
 * Short fault run for CI (the long one is `npm run test:fault`): a contingent goes through every
 * service while each service process is SIGKILLed at a random moment and restarted. Then, from the
 * databases and the audit chain: every candidate has exactly one decision, no effect was applied
 * twice, no decision lacks its nomination, the chain verifies, and the DLQs hold nothing.
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic, waitFor } from '@vetting/platform/testing';
import { CORE_SERVICES, startSystem, type RunningSystem } from '../support/system';
import { seededRandom } from '@vetting/simulators';

const SEED = Number(process.env.FAULT_SEED ?? 20261127);
const COUNT = Number(process.env.FAULT_CANDIDATES ?? 40);

describe(`service processes killed mid-run (seed ${SEED}, ${COUNT} candidates)`, () => {
  let system: RunningSystem;
  let mongo: MongoClient;
  const ids: string[] = [];
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    system = await startSystem();
    mongo = await MongoClient.connect(system.mongoUrl);
    const random = seededRandom(SEED);
    const token = await system.issuer.token({ sub: 'fault-office', roles: ['tcc-officer'], country: 'GH' });
    const kills = CORE_SERVICES.map((service) => ({ service, at: Math.floor(random() * COUNT) })).sort((a, b) => a.at - b.at);
    const started = Date.now();
    for (let i = 0; i < COUNT; i++) {
      for (const kill of kills.filter((k) => k.at === i)) {
        if (kill.service === 'intake') continue; // intake takes the submissions: killed after them, below
        await system.kill(kill.service);
        void system.start(kill.service);
      }
      const res = await fetch(`${system.url('intake')}/candidates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `fault-${SEED}-${i}` },
        body: JSON.stringify({
          nomination: { mission: 'MINUSCA', rotation: 'FAULT-1', category: 'military-contingent' },
          person: { names: [{ full: `Yaw Fault${i} Owusu` }], dateOfBirth: '1990-01-01', nationalities: ['GH'], serviceNumber: `F-${SEED}-${i}` },
          consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
        }),
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    await system.kill('intake');
    await system.start('intake');
    figures.faults = kills.length;
    const intakeDb = mongo.db(system.database('intake'));
    await waitFor(async () => (await intakeDb.collection('candidates').countDocuments({ 'decision.outcome': { $exists: true } })) >= COUNT, { timeoutMs: 300_000, intervalMs: 1000, message: 'every candidate decided' });
    figures.secondsToAllDecided = (Date.now() - started) / 1000;
  }, 900_000);
  afterAll(async () => {
    console.log(`fault figures: ${JSON.stringify(figures)}`);
    await mongo?.close();
    await system?.stop();
  });

  it('when every service was killed once, then every accepted candidate has exactly one decision and none lacks its nomination', async () => {
    const revisions = mongo.db(system.database('clearance')).collection('clearance_cases_revisions');
    const cases = await mongo.db(system.database('clearance')).collection('clearance_cases').find({}).toArray();
    expect(cases).toHaveLength(COUNT);
    for (const c of cases) expect((c.decisions as unknown[]).length, `decisions of ${String(c._id)}`).toBe(1);
    expect(cases.map((c) => String(c._id)).sort()).toEqual([...ids].sort());
    const causes = await revisions.find({}).project({ causedBy: 1 }).toArray();
    expect(new Set(causes.map((c) => c.causedBy)).size).toBe(causes.length);
  });

  it('when events were redelivered after the kills, then no effect was applied twice', async () => {
    const candidates = await mongo.db(system.database('intake')).collection('candidates').find({}).toArray();
    let duplicates = 0;
    for (const c of candidates) {
      const events = (c.timeline as { event: string }[]).map((t) => t.event).filter((e) => e.includes('.'));
      duplicates += events.length - new Set(events).size;
    }
    expect(duplicates).toBe(0);
    const screenings = await mongo.db(system.database('screening')).collection('screenings').countDocuments({});
    expect(screenings).toBeGreaterThanOrEqual(COUNT);
  });

  it('when the run is over, then the audit chain verifies and the dead-letter queues are empty', async () => {
    const auditor = await system.issuer.token({ sub: 'auditor-1', roles: ['auditor'] });
    const verified = await (await fetch(`${system.url('audit')}/chain/verify`, { headers: { authorization: `Bearer ${auditor}` } })).json();
    expect(verified).toMatchObject({ ok: true });
    for (const topic of ['vetting.candidates', 'vetting.screenings', 'vetting.references', 'vetting.clearances']) {
      const dead = await readTopic(system.kafka, `${system.prefix}${topic}.dlq`, 1, 3000);
      expect(dead, `${topic}.dlq`).toHaveLength(0);
    }
  });
});
