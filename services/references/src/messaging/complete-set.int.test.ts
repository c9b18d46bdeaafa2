import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startHarness, type Harness } from '../testing/harness';
import { createReferenceSetRepository } from '../data/reference-set.repository';
import { recordResult } from '../use-cases/record-result.use-case';
import { setIdOfCheck } from './complete-set-when-check-completed.consumer';

describe('set completion survives a writer that dies after storing the last result (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    // No worker: nothing else runs the checks, reruns a job or sweeps, so only the events can complete the set.
    h = await startHarness({ worker: false });
  });
  afterAll(async () => h?.stop());

  it('when every result is stored but each completion step fails, then the set completes once from the check-completed events', async () => {
    const id = await h.submit({ names: [{ full: 'Esi Badu' }], dateOfBirth: '1990-01', nationalities: ['GH'] }, 'civilian');
    const setId = `${id}.1`;
    const set = await waitFor(() => h.service.ctx.sets.get(setId), { timeoutMs: 30_000, message: 'the set to be opened' });
    expect(set.checks.length).toBeGreaterThan(0);
    // The writer stores each result, then dies where it would store the completion.
    // A writer of its own (own caches, no relay kick: the events leave on the relay's next poll, after it died).
    const own = createReferenceSetRepository(h.service.runtime.db);
    const dying = {
      ...h.service.ctx,
      onEvents: () => {},
      sets: { ...own, complete: () => Promise.reject(new Error('killed before the completion')) },
    };
    for (const { checkId } of set.checks)
      await waitFor(() => h.service.ctx.checks.load(checkId), { timeoutMs: 30_000, message: `check ${checkId} opened` });
    const failures: string[] = [];
    for (const { checkId } of set.checks)
      await recordResult(dying, checkId, 1, 'no-adverse', 'response').catch((e: Error) => void failures.push(e.message));
    expect(failures).toEqual(['killed before the completion']); // only the last result tries to complete the set
    for (const { checkId } of set.checks) expect((await h.service.ctx.checks.load(checkId))?.state).toBe('completed');

    const completed = () => h.events.filter((e) => e.type === 'references.completed' && e.subject === id);
    await waitFor(() => completed().length > 0, { timeoutMs: 30_000, message: 'references.completed from the consumer' });
    expect(await h.service.ctx.sets.isComplete(setId)).toBe(true);
    const data = completed()[0]!.data as { candidateRevision: number; checks: { checkId: string; result: string }[] };
    expect(data.candidateRevision).toBe(1);
    expect(data.checks.map((c) => c.checkId).sort()).toEqual(set.checks.map((c) => c.checkId).sort());
    expect(data.checks.every((c) => c.result === 'no-adverse')).toBe(true);
    // Each check's event reached the consumer; the set was announced once all the same.
    await new Promise((r) => setTimeout(r, 1500));
    expect(completed()).toHaveLength(1);
  });

  it('when a check id is parsed, then its set is the candidate and revision, and a foreign id gives none', () => {
    expect(setIdOfCheck('c-1a2b', 'c-1a2b.3.misconduct-disclosure.2')).toBe('c-1a2b.3');
    expect(setIdOfCheck('c-1a2b', 'c-1a2b.12.un-records')).toBe('c-1a2b.12');
    expect(setIdOfCheck('c-1a2b', 'c-9999.1.un-records')).toBeUndefined();
    expect(setIdOfCheck('c-1a2b', 'c-1a2b.x.un-records')).toBeUndefined();
  });
});
