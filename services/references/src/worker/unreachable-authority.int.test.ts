import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startHarness, type Harness } from '../testing/harness';

/**
 * An authority configured on a port Node's fetch refuses (4190 is on the Fetch standard's bad-port
 * list): every attempt fails, and the operator must see why, not "fetch failed".
 */
describe('a check whose authority cannot be reached (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  let operator: string;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        UN_RECORDS_URL: 'http://127.0.0.1:4190/un-records',
        CHECK_ATTEMPTS: '3',
        CHECK_BACKOFF_MS: '300',
      },
    });
    operator = await h.token(['un-screener']);
  });
  afterAll(async () => h?.stop());

  it('when attempts fail, then the check shows its attempts, the reason with its cause and the next attempt; after the last, it fails with the reason', async () => {
    const id = await h.submit({ names: [{ full: 'Ama Owusu' }], dateOfBirth: '1990', nationalities: ['GH'] }, 'civilian');
    const checkId = `${id}.1.un-records`;
    const retrying = await waitFor(
      async () => {
        const res = await request(h.service.app).get(`/checks/${checkId}`).set('authorization', operator);
        return res.status === 200 && res.body.attempts >= 1 && res.body.state === 'requested' ? res.body : undefined;
      },
      { timeoutMs: 30_000, message: 'a recorded failed attempt' },
    );
    expect(retrying.lastError).toMatch(/cannot reach 127\.0\.0\.1:4190: fetch failed: .*bad port/);
    expect(Date.parse(retrying.nextAttemptAt)).toBeGreaterThan(Date.parse(retrying.lastAttemptAt));

    const failed = await waitFor(
      async () => {
        const res = await request(h.service.app).get(`/checks/${checkId}`).set('authorization', operator);
        return res.body.state === 'failed' ? res.body : undefined;
      },
      { timeoutMs: 60_000, message: 'the check failed after its last attempt' },
    );
    expect(failed).toMatchObject({ attempts: 3, lastError: expect.stringMatching(/bad port/) });
    expect(failed.nextAttemptAt).toBeUndefined();
    const listed = await request(h.service.app).get('/checks?state=failed').set('authorization', operator);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ checkId, attempts: 3, lastError: expect.stringMatching(/bad port/) }),
    );
  });

  it('when an external system cannot be reached, then /readyz says degraded and names it with the reason; the reachable ones are ok', async () => {
    const res = await request(h.service.app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.externals['un-records']).toMatch(/bad port/);
    expect(res.body.externals['national-records']).toBe('ok');
  });
});
