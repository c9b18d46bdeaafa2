import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { createClearanceCaseRepository } from '../data/clearance-case.repository';
import type { CheckInput } from '../domain/case-inputs';
import { recordInput } from '../use-cases/record-input.use-case';
import { cleanRecords, events, newCandidateId, startClearanceForTest, caseReader } from '../testing/environment';

/**
 * A check result that cannot change the case is judged on the case the instance remembers, without a
 * read (use-cases/record-input.use-case.ts `checkChangesNothing`). These prove the results that do
 * change it are still applied, once, whatever the order, the repeats and the member that held the
 * candidate's partition before.
 */
describe('check results judged on the remembered case (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startClearanceForTest>>;
  let un: string;
  const { until } = caseReader(
    () => t.app,
    () => un,
  );

  beforeAll(async () => {
    t = await startClearanceForTest();
    un = await t.bearer('adjudicator-1', 'un-adjudicator');
  });
  afterAll(async () => t?.stop());

  it('when a set’s results arrive before and after the set, some twice, then only the late result the set did not hold changes the case, once', async () => {
    const id = newCandidateId();
    const k1 = { checkId: `${id}.1.misconduct-disclosure.1`, checkType: 'misconduct-disclosure', result: 'no-adverse' };
    const early = events.check(id, k1.checkId, k1.checkType, k1.result);
    // A correction's check (revision 2) completing adverse while the case holds revision 1's set.
    const late = events.check(id, `${id}.2.misconduct-disclosure.1`, 'misconduct-disclosure', 'adverse');
    await t.publish(events.submitted(id), events.screened(id), early, events.references(id, [k1]), early);
    await until(id, (x) => x.status === 'cleared', 'cleared on the set, its results changing nothing');
    await t.publish(late, early, late);
    const c = await until(id, (x) => x.status === 'awaiting-adjudication', 'the late adverse result revoked the clearance');
    expect(c.flags[0]).toMatchObject({ reason: 'a late reference or record check returned adverse information' });
    const causes = await t.service.repository.causes(id);
    expect(causes.filter((r) => r.causedBy === early.id)).toEqual([]);
    expect(causes.filter((r) => r.causedBy === late.id)).toHaveLength(1);
    expect(causes.map((r) => r.events)).toEqual([[], [], ['clearance.decided'], ['clearance.revoked', 'clearance.decided']]);
    expect((await t.clearanceEvents(id, 3)).map((e) => e.type)).toEqual(['clearance.decided', 'clearance.revoked', 'clearance.decided']);
  });

  it('when another member recorded the set while it held the candidate’s partition, then a late adverse result here is still applied (a re-join forgets what this instance remembered)', async () => {
    const id = newCandidateId();
    await t.publish(events.submitted(id), events.screened(id));
    // Read here: this instance now remembers the case without its reference set.
    await until(id, (x) => x.inputsVersion === 2, 'nomination and screening recorded');
    expect(t.service.repository.remembered(id)?.inputs.references).toBeUndefined();
    // The member that held the partition meanwhile (its own store, its own memory) recorded the set and cleared.
    const other = createClearanceCaseRepository(t.service.runtime.db, { keys: t.keys.source, sealer: t.service.runtime.sealer });
    const checks: CheckInput[] = [...cleanRecords, { checkId: `${id}.1.misconduct-disclosure.1`, checkType: 'misconduct-disclosure' }].map(
      ({ checkId, checkType }) => ({ checkId, checkType, result: 'no-adverse' }),
    );
    const deps = { repository: other, policies: t.service.policies, now: () => new Date(), onEvents: () => undefined };
    const recorded = await recordInput(id, 'GH', `elsewhere-${id}`, { kind: 'references', value: { revision: 1, checks } }, deps);
    expect(recorded.status).toBe('cleared');
    // The partition comes back through a rebalance: another member joins the group and leaves.
    const member = t.env.kafka.consumer({ groupId: `${t.env.prefix}clearance`, heartbeatInterval: 500 });
    const memberJoined = new Promise<void>((resolve) => member.on(member.events.GROUP_JOIN, () => resolve()));
    await member.connect();
    await member.subscribe({ topics: [`${t.env.prefix}vetting.references`] });
    await member.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async ({ pause }) => void pause() });
    await memberJoined;
    await waitFor(async () => t.service.repository.remembered(id) === undefined || undefined, {
      message: 'this instance re-joined and forgot the case',
      timeoutMs: 60_000,
    });
    await member.disconnect();
    await t.publish(events.check(id, `${id}.2.misconduct-disclosure.1`, 'misconduct-disclosure', 'adverse'));
    const c = await until(id, (x) => x.status === 'awaiting-adjudication', 'the late adverse result revoked the clearance');
    expect(c.decisions.map((d) => d.outcome)).toEqual(['cleared', 'pending-review']);
  });
});
