import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver, signerFor } from './deliver';

/** A receiver answering each request with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; server: Server; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    const status = statuses[Math.min(calls++, statuses.length - 1)]!;
    res.writeHead(status).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, server, calls: () => calls };
}

describe('late answers delivered like an authority system (real HTTP)', () => {
  let server: Server | undefined;
  afterEach(() => void server?.close());

  it('when the receiver answers 5xx and 429 more than eight times, then the answer is still delivered', async () => {
    const r = await receiver([...Array<number>(10).fill(503), 429, 502, 200]);
    server = r.server;
    expect(await deliver(r.url, { result: 'no-adverse' }, signerFor('s'.repeat(32)), () => false, { maxDelayMs: 5 })).toBe('delivered');
    expect(r.calls()).toBe(13);
  });

  it('when the receiver refuses with a 4xx, then delivery stops at once', async () => {
    const r = await receiver([422]);
    server = r.server;
    expect(await deliver(r.url, {}, undefined, () => false, { maxDelayMs: 5 })).toBe('refused');
    expect(r.calls()).toBe(1);
  });

  it('when the receiver stays down past the retry window, then the sender gives up', async () => {
    const r = await receiver([503]);
    server = r.server;
    expect(await deliver(r.url, {}, undefined, () => false, { retryForMs: 1_500, maxDelayMs: 10 })).toBe('gave-up');
    expect(r.calls()).toBeGreaterThan(2);
  });
});
