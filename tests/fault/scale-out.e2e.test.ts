/**
 * Scale-out: two processes of every consumer service (intake, screening, references, clearance, audit)
 * and of the references worker, in the same consumer groups. Audit's two appenders share one hash chain
 * (a block number is claimed by a unique insert, so a SIGKILLed writer leaves no gap or fork: this test
 * found a gap before). The work is shared (both members of each group handle events, from their own /metrics),
 * nothing is applied twice, and when the second instances are SIGKILLed mid-contingent their
 * partitions move to the survivors and every candidate is still decided once. Intake's HTTP API is
 * stateless: what one instance accepted, the other reads and recognises (idempotency key).
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { CORE_SERVICES, startSystem, type RunningSystem } from '../support/system';
import { nominationBody, submitNomination } from '../support/contingent';
import { deadLetters, decisionsByCandidate, duplicateFigures, verifyAuditChain } from './support/pipeline-checks';

const COUNT = Number(process.env.SCALE_CANDIDATES ?? 40);

/** Events this process's consumers handled, from its Prometheus metrics (0 when unreachable). */
async function handled(url: string, group: string): Promise<number> {
  // Every service's main consumer group is `<topic prefix><service name>`.
  const text = await fetch(`${url}/metrics`).then(
    (r) => r.text(),
    () => '',
  );
  return text
    .split('\n')
    .filter((l) => l.startsWith('events_handled_total{') && l.includes(`group="${group}"`) && l.includes('result="handled"'))
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}

// The services a candidate passes through: accountability handles no candidate's events, so a
// contingent gives its instances nothing to share.
const SCALED = CORE_SERVICES.filter((s) => s !== 'accountability');

describe(`two instances of every scaled service (${COUNT} candidates)`, () => {
  let system: RunningSystem;
  let mongo: MongoClient;
  const ids: string[] = [];
  const shareBeforeKill: Record<string, number[]> = {};

  beforeAll(async () => {
    system = await startSystem({ instances: 2, readyTimeoutMs: 900_000 });
    mongo = await MongoClient.connect(system.mongoUrl);
    const token = await system.issuer.token({ sub: 'scale-office', roles: ['tcc-officer'], country: 'GH' });
    const half = Math.floor(COUNT / 2);
    // First half: alternately through either intake instance, while all ten processes run.
    const first = await Promise.all(
      Array.from({ length: half }, (_, i) =>
        submitNomination(system.urls('intake')[i % 2]!, token, `scale-out-${i}`, nominationBody('Scale', i)),
      ),
    );
    ids.push(...first.map((r) => r.id));
    // Both members of each group must have handled some of it before one of them dies.
    await waitFor(
      async () => {
        for (const s of SCALED) shareBeforeKill[s] = await Promise.all(system.urls(s).map((u) => handled(u, `${system.prefix}${s}`)));
        return Object.values(shareBeforeKill).every((counts) => counts.every((n) => n > 0));
      },
      { timeoutMs: 300_000, intervalMs: 1000, message: 'both instances of every consumer group handled events' },
    );
    for (const name of system.processNames().filter((n) => /-2$/.test(n))) await system.kill(name);
    // Second half through the surviving intake.
    const second = await Promise.all(
      Array.from({ length: COUNT - half }, (_, i) =>
        submitNomination(system.url('intake'), token, `scale-out-${half + i}`, nominationBody('Scale', half + i)),
      ),
    );
    ids.push(...second.map((r) => r.id));
    const decidedCount = async () => [...(await decisionsByCandidate(mongo, system)).values()].filter((d) => d.length > 0).length;
    await waitFor(async () => (await decidedCount()) >= COUNT, {
      timeoutMs: 600_000,
      intervalMs: 2000,
      message: 'every candidate decided after the second instances died',
    });
  }, 1_200_000);

  afterAll(async () => {
    console.log(`events handled per instance before the kill: ${JSON.stringify(shareBeforeKill)}`);
    await mongo?.close();
    await system?.stop();
  }, 600_000);

  it('when two members share each consumer group, then both handle events', () => {
    for (const s of SCALED) {
      expect(shareBeforeKill[s], s).toHaveLength(2);
      for (const n of shareBeforeKill[s]!) expect(n, `${s}: events handled by each instance`).toBeGreaterThan(0);
    }
  });

  it('when the second instances were killed, then their partitions moved and every candidate has exactly one decision', async () => {
    const decisions = await decisionsByCandidate(mongo, system);
    expect([...decisions.keys()].sort()).toEqual([...ids].sort());
    for (const [id, list] of decisions) expect(list.length, id).toBe(1);
    expect((await duplicateFigures(mongo, system)).causedByTwice).toBe(0);
    const chain = await verifyAuditChain(system);
    expect(chain, JSON.stringify(chain)).toMatchObject({ ok: true });
    expect(await deadLetters(system)).toEqual([]);
  });

  it('when intake runs twice behind one address space, then either instance reads and recognises what the other accepted', async () => {
    const token = await system.issuer.token({ sub: 'scale-office', roles: ['tcc-officer'], country: 'GH' });
    const [one] = system.urls('intake');
    await system.start('intake-2');
    const two = system.urls('intake')[1]!;
    const created = await submitNomination(one!, token, 'scale-stateless', nominationBody('Stateless', 1));
    const again = await submitNomination(two, token, 'scale-stateless', nominationBody('Stateless', 1));
    expect(again.id).toBe(created.id);
    const read = await fetch(`${two}/candidates/${created.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(created.id);
  });
});
