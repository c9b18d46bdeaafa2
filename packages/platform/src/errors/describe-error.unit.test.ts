import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('when fetch is refused a bad port, then the description names the bad port, not only "fetch failed"', async () => {
    const error = await fetch('http://127.0.0.1:4190/').catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/^fetch failed: .*bad port/);
  });

  it('when nothing listens on the port, then the description carries ECONNREFUSED', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const error = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/fetch failed: .*ECONNREFUSED/);
  });

  it('when a wrapper repeats its cause, then the message appears once; a code missing from the message is added', () => {
    const root = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(describeError(new Error('socket hang up', { cause: root }))).toBe('socket hang up: socket hang up (ECONNRESET)');
    expect(describeError(new Error('outer', { cause: new Error('inner', { cause: 'text' }) }))).toBe('outer: inner: text');
    expect(describeError('plain')).toBe('plain');
  });
});
