import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startHarness, type Harness } from '../testing/harness';

describe("the worker's own outbox relay (real Kafka, FerretDB, Redis)", () => {
  let h: Harness;
  // No relay polls again within the test: only the worker's relay, handed its writes in memory, can publish them.
  beforeAll(async () => {
    h = await startHarness({ env: { OUTBOX_POLL_MS: '600000' } });
  });
  afterAll(async () => h?.stop());

  it('when the worker stores check results, then their events leave at once, without waiting for the relay to poll', async () => {
    const id = await h.submit({ names: [{ full: 'Efua Boateng' }], dateOfBirth: '1990-01', nationalities: ['GH'] }, 'civilian');
    const done = await waitFor(() => h.events.find((e) => e.type === 'references.completed' && e.subject === id), {
      timeoutMs: 30_000,
      message: 'references.completed',
    });
    const completedByWorker = h.events.filter((e) => e.type === 'reference.check-completed' && e.subject === id);
    expect(completedByWorker.length).toBeGreaterThan(0);
    expect((done.data as { checks: unknown[] }).checks.length).toBeGreaterThan(0);
  }, 60_000);
});
