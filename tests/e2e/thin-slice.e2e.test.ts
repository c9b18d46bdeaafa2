import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

const sampleList = readFileSync(new URL('../../packages/banlists/samples/platform-banlist.sample.json', import.meta.url), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
type Json = any;

async function api(
  base: string,
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  return { status: res.status, body: await res.json() };
}

const nominate = (name: string, dateOfBirth: string) => ({
  nomination: { mission: 'UNMISS', rotation: 'NEPBATT-22', category: 'military-contingent' },
  // In the Nepali Army since 2012: the five-year employment window is accounted for.
  person: {
    names: [{ full: name }],
    dateOfBirth,
    nationalities: ['NP'],
    previousEmployers: [{ name: 'Nepali Army', role: 'Sepoy', from: '2012', nationalService: true }],
  },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
});

describe('one candidate through every service (real processes, Kafka, FerretDB)', () => {
  let system: RunningSystem;
  let officer: string;
  let screener: string;
  let auditor: string;

  beforeAll(async () => {
    system = await startSystem();
    officer = await system.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' });
    screener = await system.issuer.token({ sub: 'screener-1', roles: ['un-screener'] });
    auditor = await system.issuer.token({ sub: 'auditor-1', roles: ['auditor'] });
    const published = await api(system.url('screening'), '/lists/un-bar-e2e/versions', screener, { method: 'POST', body: sampleList });
    expect(published.status).toBe(201);
  });
  afterAll(async () => system?.stop());

  it('when an office nominates a person not on any list, then the candidate is cleared, and every event is in the verified audit chain', async () => {
    const created = await api(system.url('intake'), '/candidates', officer, {
      method: 'POST',
      body: nominate('Pemba Sherpa Lama', '1992-04-11'),
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const view = await waitFor(
      async () => {
        const res = await api(system.url('intake'), `/candidates/${id}`, officer);
        return res.body.decision ? res.body : undefined;
      },
      { timeoutMs: 60_000, message: 'a decision on the candidate' },
    );
    expect(view.status).toBe('cleared');
    expect(view.decision.outcome).toBe('cleared');

    const trail = await waitFor(
      async () => {
        const res = await api(system.url('audit'), `/trails/${id}`, auditor);
        const types = (res.body.entries as { type: string }[]).map((e) => e.type);
        return ['candidate.submitted', 'screening.completed', 'references.completed', 'clearance.decided'].every((t) => types.includes(t))
          ? types
          : undefined;
      },
      { timeoutMs: 30_000, message: 'the whole story in the audit trail' },
    );
    expect(trail).toContain('clearance.decided');
    const verified = await api(system.url('audit'), '/chain/verify', auditor);
    expect(verified.body.ok).toBe(true);
  });

  it('when a nominated person resembles a ban-list entry, then the decision waits for a person (pending review), never an automatic clearance', async () => {
    const created = await api(system.url('intake'), '/candidates', officer, {
      method: 'POST',
      body: nominate('Tariq Mahmood Qadir', '1979'),
    });
    const id = created.body.id as string;
    const view = await waitFor(
      async () => {
        const res = await api(system.url('intake'), `/candidates/${id}`, officer);
        return res.body.decision ? res.body : undefined;
      },
      { timeoutMs: 60_000, message: 'a decision on the candidate' },
    );
    expect(view.decision.outcome).toBe('pending-review');
    expect(JSON.stringify(view)).not.toMatch(/BAR-|score|matchedName/);
    const screening = await api(system.url('screening'), `/screenings/${id}`, screener);
    expect(screening.body.outcome).toBe('possible-match');
    expect(screening.body.hits[0].matchedName.full).toMatch(/Tariq/);
  });
});
