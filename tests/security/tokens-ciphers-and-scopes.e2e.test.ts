/**
 * Attacks on token verification, sealed data, the gateway's door, country scope, password storage
 * and single-person decisions, each against the running system: every service and the gateway as
 * their own processes on the real Kafka, FerretDB and Redis (docs/SECURITY.md lists the controls).
 */
import { readFileSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomName, waitFor } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

const submission = (name: string, rotation = 'R1') => ({
  nomination: { mission: 'MINUSCA', rotation, category: 'military-contingent' },
  // In national service since 2010: the employment window is accounted for, as intake requires.
  person: {
    names: [{ full: name }],
    dateOfBirth: '1990-05',
    nationalities: ['GH'],
    previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true }],
  },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
});

describe('tokens, sealed data, the gateway door, country scope and password storage under attack', () => {
  let system: RunningSystem;
  let mongo: MongoClient;
  let gateway: string;
  const call = async (url: string, token?: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body ? { 'content-type': 'application/json', 'idempotency-key': randomName('k') } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };
  const nominate = async (country: string, name: string, rotation?: string) => {
    const token = await system.issuer.token({ sub: `office-${country}`, roles: ['tcc-officer'], country });
    const created = await call(`${system.url('intake')}/candidates`, token, { method: 'POST', body: submission(name, rotation) });
    expect(created.status).toBe(201);
    return String(created.body!.id);
  };

  beforeAll(async () => {
    system = await startSystem({ gateway: true });
    mongo = await MongoClient.connect(system.mongoUrl);
    gateway = system.console!.url;
  });
  afterAll(async () => {
    await mongo?.close();
    await system?.stop();
  });

  it('when a token carries no expiry, then every service refuses it (a stolen one would last for ever)', async () => {
    const eternal = await system.issuer.token({ sub: 'auditor-1', roles: ['auditor'], expiresIn: false });
    const expiring = await system.issuer.token({ sub: 'auditor-1', roles: ['auditor'] });
    expect((await call(`${system.url('audit')}/chain/verify`, expiring)).status).toBe(200);
    for (const url of [`${system.url('audit')}/chain/verify`, `${system.url('intake')}/candidates?country=GH`, `${gateway}/api/auth/me`])
      expect((await call(url, eternal)).status, url).toBe(401);
  });

  it('when a token is signed with an algorithm off the allow-list by a key that names none, then it is refused', async () => {
    const allowed = await system.issuer.token({ sub: 'auditor-2', roles: ['auditor'], alg: 'RS256' });
    const offList = await system.issuer.token({ sub: 'auditor-2', roles: ['auditor'], alg: 'RS512' });
    expect((await call(`${system.url('audit')}/chain/verify`, allowed)).status).toBe(200);
    expect((await call(`${system.url('audit')}/chain/verify`, offList)).status).toBe(401);
  });

  it('when the tag of a sealed person is truncated in the database, then the service refuses to open it instead of trusting a 4-byte tag', async () => {
    const name = `Kofi Truncated ${randomName('n')}`;
    const id = await nominate('GH', name);
    const office = await system.issuer.token({ sub: 'office-GH', roles: ['tcc-officer'], country: 'GH' });
    expect((await call(`${system.url('intake')}/candidates/${id}`, office)).text).toContain(name);
    // Once decided the candidate stays as it is: no new revision copies the person while it is altered.
    await waitFor(async () => Boolean((await call(`${system.url('intake')}/candidates/${id}`, office)).body?.decision), {
      timeoutMs: 120_000,
      message: 'candidate decided',
    });
    // `p1:<iv>:<tag>:<ct>` (alone or inside a packed state): keep the first 4 bytes of the 16-byte tag, in every copy of the person.
    const db = mongo.db(system.database('intake'));
    let truncated = 0;
    const sealed = /p1:([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)/g;
    const truncate = (value: unknown): unknown => {
      if (typeof value === 'string' && value.includes('p1:')) {
        return value.replace(sealed, (_m, iv: string, tag: string, ct: string) => {
          truncated++;
          return `p1:${iv}:${Buffer.from(tag, 'base64').subarray(0, 4).toString('base64')}:${ct}`;
        });
      }
      if (Array.isArray(value)) return value.map(truncate);
      if (value && typeof value === 'object' && !(value instanceof Date) && !('_bsontype' in value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, truncate(v)]));
      return value;
    };
    for (const { name: collection } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(collection).find({}).toArray()) {
        if (!JSON.stringify(doc).includes(id)) continue;
        const before = truncated;
        const changed = truncate(doc) as typeof doc;
        if (truncated > before) await db.collection(collection).replaceOne({ _id: doc._id }, changed);
      }
    }
    expect(truncated).toBeGreaterThan(0);
    const read = await call(`${system.url('intake')}/candidates/${id}`, office);
    expect(read.status).not.toBe(200);
    expect(read.text).not.toContain(name);
  });

  it('when /metrics or /readyz of a service or of the gateway is asked through the gateway, however spelt, then nothing is answered', async () => {
    const paths = [
      '/api/intake/metrics',
      '/api/intake/readyz',
      '/api/screening/METRICS',
      '/api/audit/%6Detrics',
      '/api/clearance//readyz/',
      '/api/references/healthz',
      '/metrics',
      '/readyz',
    ];
    for (const path of paths) {
      const res = await call(`${gateway}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toMatch(/process_cpu|http_request_duration|"checks"/);
    }
    expect((await call(`${system.url('intake')}/metrics`)).text).toContain('http_request_duration');
  });

  it('when a TCC office token also carries another role, then it still sees only its own country', async () => {
    // A rotation of its own: the list opens every name it shows, and another test tampers with a GH candidate.
    const other = await nominate('NP', `Maya Other ${randomName('n')}`, 'R-MIXED');
    await nominate('GH', `Ama Own ${randomName('n')}`, 'R-MIXED');
    const mixed = await system.issuer.token({ sub: 'office-gh-auditor', roles: ['tcc-officer', 'auditor'], country: 'GH' });
    expect((await call(`${system.url('intake')}/candidates/${other}`, mixed)).status).toBe(404);
    const list = await call(`${system.url('intake')}/candidates?rotation=R-MIXED&limit=200`, mixed);
    expect(list.status).toBe(200);
    const countries = new Set((list.body!.items as { country: string }[]).map((c) => c.country));
    expect([...countries]).toEqual(['GH']);
    expect((await call(`${system.url('intake')}/candidates?country=NP`, mixed)).status).toBe(403);
  });

  it('when an account is created, then its password is stored with scrypt at or above OWASP’s cost', async () => {
    const admin = await system.console!.token('admin');
    const username = `officer.${randomName('x')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 12)}`;
    const created = await call(`${gateway}/api/auth/users`, admin, {
      method: 'POST',
      body: { username, name: 'Office', roles: ['tcc-officer'], country: 'SN' },
    });
    expect(created.status).toBe(201);
    await waitFor(async () => readFileSync(`${system.console!.keysDir}/users.json`, 'utf8').includes(username), {
      timeoutMs: 10_000,
      message: 'account saved',
    });
    const stored = (
      JSON.parse(readFileSync(`${system.console!.keysDir}/users.json`, 'utf8')) as {
        username: string;
        passwordParams?: { N: number; r: number; p: number };
      }[]
    ).find((u) => u.username === username)!;
    // OWASP Password Storage Cheat Sheet: N=2^17 r=8 p=1, or an equivalent (2^16/2, 2^15/3, 2^14/5, 2^13/10).
    const owasp: [number, number][] = [
      [2 ** 17, 1],
      [2 ** 16, 2],
      [2 ** 15, 3],
      [2 ** 14, 5],
      [2 ** 13, 10],
    ];
    const params = stored.passwordParams;
    expect(params).toBeDefined();
    expect(params!.r).toBeGreaterThanOrEqual(8);
    expect(owasp.some(([N, p]) => params!.N >= N && params!.p >= p)).toBe(true);
    const signIn = await call(`${gateway}/api/auth/login`, undefined, {
      method: 'POST',
      body: { username, password: created.body!.password },
    });
    expect(signIn.status).toBe(200);
  });
});
