import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

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
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const year = new Date().getUTCFullYear();
const consent = { given: true, formVersion: 'UN-HRSP-2024.1', signedAt: '2026-01-10T09:00:00Z', method: 'electronic-signature' };
const declaration = {
  noOtherEmployer: true,
  formVersion: 'UN-EMP-2026.1',
  signedAt: '2026-01-10T09:00:00Z',
  method: 'wet-signature-scanned',
};

describe('safeguards through every service (real processes, Kafka, FerretDB, Redis)', () => {
  let system: RunningSystem;
  let officer: string;
  let screener: string;
  let adjudicator: string;
  let admin: string;
  const decided = (id: string) =>
    waitFor(async () => ((r) => (r.body?.decision ? r.body : undefined))(await api(system.url('intake'), `/candidates/${id}`, officer)), {
      timeoutMs: 120_000,
      message: `a decision on ${id}`,
    });

  beforeAll(async () => {
    system = await startSystem();
    [officer, screener, adjudicator, admin] = await Promise.all([
      system.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' }),
      system.issuer.token({ sub: 'screener-1', roles: ['un-screener'] }),
      system.issuer.token({ sub: 'adjudicator-1', roles: ['un-adjudicator'] }),
      system.issuer.token({ sub: 'admin-1', roles: ['admin'] }),
    ]);
  }, 300_000);
  afterAll(async () => system?.stop());

  it('when an office nominates without employment history or declaration, then it is refused naming the field and nothing starts', async () => {
    const res = await api(system.url('intake'), '/candidates', officer, {
      method: 'POST',
      body: {
        nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-E2E', category: 'military-contingent' },
        person: { names: [{ full: 'Kojo Nohistory' }], nationalities: ['GH'] },
        consent,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'body/person/previousEmployers', reason: expect.stringMatching(/^is required/) }]);
  });

  it('when a nomination lists a known employer with the office’s own contact, then the request goes to the directory’s contact, the employer answers, and the candidate is cleared', async () => {
    const employer = await api(system.url('references'), '/employers', screener, {
      method: 'POST',
      body: {
        name: 'Volta Relief Society',
        domains: ['volta-relief.example'],
        contacts: [{ email: 'hr@volta-relief.example' }],
        verification: 'Called the society’s published number; HR confirmed the address.',
      },
    });
    expect(employer.status).toBe(201);
    const created = await api(system.url('intake'), '/candidates', officer, {
      method: 'POST',
      body: {
        nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-E2E', category: 'military-contingent' },
        person: {
          names: [{ full: 'Abena Serwaa Ofori' }],
          dateOfBirth: '1993-06',
          nationalities: ['GH'],
          previousEmployers: [
            {
              name: 'Volta Relief Society',
              role: 'Driver',
              contactEmail: 'friend-of-office@mail.example',
              from: `${year - 7}-01`,
              to: `${year - 3}-06`,
            },
            { name: 'Ghana Armed Forces', role: 'Lance Corporal', from: `${year - 3}-07`, nationalService: true },
          ],
        },
        consent,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const view = await decided(id);
    expect(view.decision.outcome).toBe('cleared');
    const checks = await api(system.url('references'), `/candidates/${id}/checks`, screener);
    expect(checks.body.checks.map((c: Json) => [c.checkType, c.result]).sort()).toEqual([
      ['disciplinary-record', 'no-adverse'],
      ['misconduct-disclosure', 'no-adverse'],
      ['national-criminal-record', 'no-adverse'],
      ['un-records', 'no-adverse'],
    ]);
    const toDirectory = await api(system.url('references'), '/dev/mailbox?to=hr%40volta-relief.example', admin);
    expect(toDirectory.body.items.some((m: Json) => m.text.includes('Abena Serwaa Ofori'))).toBe(true);
    expect((await api(system.url('references'), '/dev/mailbox?to=friend-of-office%40mail.example', admin)).body.items).toEqual([]);
  });

  it('when an unknown employer has no contact a screening officer can verify, then the case goes to an adjudicator, who refuses only after notice and response', async () => {
    const created = await api(system.url('intake'), '/candidates', officer, {
      method: 'POST',
      body: {
        nomination: { mission: 'MINUSCA', rotation: 'GHANBATT-E2E', category: 'civilian' },
        person: {
          names: [{ full: 'Kwesi Unverified Amoah' }],
          dateOfBirth: '1987',
          nationalities: ['GH'],
          previousEmployers: [{ name: 'Shadow Logistics', role: 'Clerk', contactEmail: 'boss@shadow.example', from: `${year - 2}` }],
        },
        consent,
        employmentDeclaration: declaration,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const held = await waitFor(
      async () =>
        ((await api(system.url('references'), '/contact-confirmations', screener)).body.items as Json[]).find((i) => i.candidateId === id),
      { timeoutMs: 120_000, message: 'held for a contact' },
    );
    expect(held).toMatchObject({ employer: { name: 'Shadow Logistics' }, typedContactEmail: 'boss@shadow.example' });
    const confirmed = await api(system.url('references'), `/contact-confirmations/${held.checkId}`, screener, {
      method: 'POST',
      body: { decision: 'no-verified-contact', reason: 'No registered company of that name.' },
    });
    expect(confirmed.body).toMatchObject({ state: 'completed', result: 'failed' });

    const view = await decided(id);
    expect(view.decision.outcome).toBe('pending-review');
    const c = await api(system.url('clearance'), `/cases/${id}`, adjudicator);
    expect(c.body.status).toBe('awaiting-adjudication');
    expect(c.body.evaluation.findings.map((f: Json) => f.key)).toEqual([`referee:${held.checkId}:no-verified-contact`]);
    const refuse = () =>
      api(system.url('clearance'), `/cases/${id}/adjudication`, adjudicator, {
        method: 'POST',
        body: { outcome: 'not-cleared', reasons: ['the only recent employer cannot be verified'] },
      });
    expect((await refuse()).body.code).toBe('CLEARANCE.NOTICE_REQUIRED');
    const notice = await api(system.url('clearance'), `/cases/${id}/notices`, adjudicator, {
      method: 'POST',
      body: { sentAt: new Date().toISOString(), channel: 'via-tcc-office', text: 'Your prior employer could not be verified.' },
    });
    expect(notice.status).toBe(201);
    expect((await refuse()).body.code).toBe('CLEARANCE.RESPONSE_PENDING');
    const response = await api(system.url('clearance'), `/cases/${id}/candidate-response`, adjudicator, {
      method: 'POST',
      body: { summary: 'The company closed; I have no contact to offer.' },
    });
    expect(response.status).toBe(201);
    const refused = await refuse();
    expect(refused.status).toBe(201);
    expect(refused.body.decision).toMatchObject({ outcome: 'not-cleared', kind: 'adjudicated', decidedBy: 'adjudicator-1' });
    const office = await waitFor(
      async () =>
        ((r) => (r.body.status === 'not-cleared' ? r.body : undefined))(await api(system.url('intake'), `/candidates/${id}`, officer)),
      { timeoutMs: 60_000, message: 'the office sees the refusal' },
    );
    // The office sees the outcome, never the finding, the notice or the candidate's answer.
    expect(JSON.stringify(office)).not.toMatch(/no-verified-contact|could not be verified|company closed/);
  });
});
