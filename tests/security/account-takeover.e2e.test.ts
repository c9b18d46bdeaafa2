/**
 * Taking over or blocking accounts at the gateway: a disabled account going on with the tokens it
 * holds, a stolen password for an administrator, a stranger locking `admin` out by failing on
 * purpose, and every client behind an ingress sharing one sign-in allowance. Against the running
 * system (services and the gateway as processes; the gateway believes X-Forwarded-For from its
 * loopback "ingress", as TRUST_PROXY configures it behind a real one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomName, waitFor } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

describe('account takeover and lock-out at the gateway', () => {
  let system: RunningSystem;
  let gateway: string;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${gateway}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = async (res: Response) => ({ status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> });

  beforeAll(async () => {
    system = await startSystem({
      gateway: true,
      env: { gateway: { ACCESS_TOKEN_TTL: '15s', TRUST_PROXY: 'loopback', SIGNIN_ADDRESS_ATTEMPTS_PER_MINUTE: '10' } },
    });
    gateway = system.console!.url;
  }, 600_000);
  afterAll(async () => system?.stop());

  it('when an account is disabled, then its session cannot be refreshed, the gateway refuses its token at once and every service within the token’s short life', async () => {
    const admin = await system.console!.token('admin');
    const username = `auditor.${randomName('d')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 10)}`;
    const created = await json(
      await post('/api/auth/users', { username, name: 'Leaving auditor', roles: ['auditor'] }, { authorization: `Bearer ${admin}` }),
    );
    expect(created.status).toBe(201);
    const session = await json(await post('/api/auth/login', { username, password: created.body.password }));
    expect(session.status).toBe(200);
    const token = String(session.body.token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(`${system.url('audit')}/chain/verify`, { headers: bearer })).status).toBe(200);

    const disabled = await fetch(`${gateway}/api/auth/users/${username}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await system.console!.token('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    expect((await post('/api/auth/refresh', { refreshToken: session.body.refreshToken })).status).toBe(401);
    expect((await fetch(`${gateway}/api/audit/chain/verify`, { headers: bearer })).status).toBe(401);
    // Straight to the services (no gateway in between): refused once the token's few seconds are up.
    const expiresAt = Date.parse(String(session.body.expiresAt));
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(15_000);
    await waitFor(() => Date.now() > expiresAt + 1000, { timeoutMs: 30_000, intervalMs: 500 });
    for (const url of [
      `${system.url('audit')}/chain/verify`,
      `${system.url('intake')}/candidates?country=GH`,
      `${system.url('clearance')}/adjudications`,
    ])
      expect((await fetch(url, { headers: bearer })).status, url).toBe(401);
  });

  it('when an administrator’s password is stolen, then it is not enough: the authenticator’s code is asked, and a wrong one refused', async () => {
    const password = system.console!.password('admin');
    const noCode = await json(await post('/api/auth/login', { username: 'admin', password }, { 'x-forwarded-for': '198.51.100.20' }));
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('AUTH.SECOND_FACTOR_REQUIRED');
    expect(noCode.body.token).toBeUndefined();
    const wrongCode = await json(
      await post('/api/auth/login', { username: 'admin', password, code: '000000' }, { 'x-forwarded-for': '198.51.100.20' }),
    );
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.token).toBeUndefined();
  });

  it('when a stranger fails on purpose as `admin` again and again, then the administrator still signs in from a device used before', async () => {
    const password = system.console!.password('admin');
    const first = await json(
      await post(
        '/api/auth/login',
        { username: 'admin', password, code: await system.console!.code('admin') },
        { 'x-forwarded-for': '192.0.2.10' },
      ),
    );
    expect(first.status).toBe(200);
    // The administrator's next code first (a code works once: this may wait for the next step), so
    // the sign-in below follows the strangers' guesses at once, while their wait is still running.
    const code = await system.console!.code('admin');
    // Strangers guess from many addresses until each next guess must wait several seconds (a count of
    // guesses, not a timing: on a slow machine a guess can outlast a short wait).
    let wait = 0;
    for (let guess = 0; guess < 30 && wait < 8; guess++) {
      const stranger = await json(
        await post('/api/auth/login', { username: 'admin', password: `guess-${guess}` }, { 'x-forwarded-for': `203.0.113.${guess + 1}` }),
      );
      expect([401, 429]).toContain(stranger.status);
      if (stranger.status !== 429) continue;
      wait = Number(stranger.body.retryAfterSeconds);
      // A patient stranger guesses again when told to: the wait doubles after each failure.
      if (wait < 8) await new Promise((r) => setTimeout(r, wait * 1000));
    }
    expect(wait, 'the strangers are made to wait').toBeGreaterThanOrEqual(8);
    const again = await json(
      await post(
        '/api/auth/login',
        { username: 'admin', password, code, deviceToken: first.body.deviceToken },
        { 'x-forwarded-for': '192.0.2.10' },
      ),
    );
    expect(again.status).toBe(200);
  });

  it('when one client behind the ingress exhausts its sign-in allowance, then other clients still sign in', async () => {
    const attempts = Array.from({ length: 22 }, (_, i) => ({ username: `nobody-${randomName('u')}-${i}`, password: 'x' }));
    const statuses: number[] = [];
    for (let i = 0; i < attempts.length; i += 11)
      statuses.push(
        ...(await Promise.all(
          attempts.slice(i, i + 11).map(async (a) => (await post('/api/auth/login', a, { 'x-forwarded-for': '203.0.113.200' })).status),
        )),
      );
    expect(statuses).toContain(429);
    const office = await json(
      await post(
        '/api/auth/login',
        { username: 'officer.gh', password: system.console!.password('officer.gh') },
        { 'x-forwarded-for': '198.51.100.77' },
      ),
    );
    expect(office.status).toBe(200);
  });
});
