/**
 * Forging the answers that clear a person: a nominating office answering its own candidate's
 * disclosure request with a computed referee link, a callback signed with a public default secret,
 * one authority's secret used for another's check, and a captured signed callback replayed or sent
 * to another check. Against the running system (every service and the gateway as processes; the
 * authorities are the simulators, which sign as a real authority would).
 */
import { createHash, createHmac } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '@vetting/platform';
import { randomName, waitFor } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

// The values the code shipped as defaults: anyone who read the repository knows them.
const PUBLIC_DEFAULTS = { referee: 'dev-referee-secret-change-me', callback: 'dev-callback-secret-change-me' };
const DAY = 24 * 3600 * 1000;
const yearsAgo = (n: number) => new Date(Date.now() - n * 365 * DAY).toISOString().slice(0, 7);

interface CheckView {
  checkId: string;
  checkType: string;
  state: string;
  result?: string;
  organisation?: string;
}

describe('forged referee answers and authority callbacks', () => {
  let system: RunningSystem;
  let mongo: MongoClient;
  let references: string;
  let candidateId: string;
  let checks: CheckView[];
  const contact = `hr.manual.${randomName('c').toLowerCase()}@former-employer.example`;
  const bearer = async (roles: string[]) => `Bearer ${await system.issuer.token({ sub: `un-${roles[0]}`, roles: roles as never })}`;
  const checksOf = async () =>
    (
      (await (
        await fetch(`${system.url('references')}/candidates/${candidateId}/checks`, {
          headers: { authorization: await bearer(['un-screener']) },
        })
      ).json()) as { checks?: CheckView[] }
    ).checks ?? [];
  const checkOf = async (type: string) => (await checksOf()).find((c) => c.checkType === type)!;
  const callback = (checkId: string, body: string, signature: string) =>
    fetch(`${references}/callbacks/${checkId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature },
      body,
    });
  const pathOf = (checkId: string) => new URL(`${references}/callbacks/${checkId}`).pathname;

  beforeAll(async () => {
    system = await startSystem({ gateway: true });
    mongo = await MongoClient.connect(system.mongoUrl);
    references = `${system.console!.url}/api/references`;
    const office = await system.issuer.token({ sub: 'office-gh', roles: ['tcc-officer'], country: 'GH' });
    // The employer is in the directory with this contact: the request goes out at once, not held for confirmation.
    const employer = await fetch(`${system.url('references')}/employers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await system.issuer.token({ sub: 'un-screener', roles: ['un-screener'] })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Former Employer',
        domains: ['former-employer.example'],
        contacts: [{ email: contact }],
        verification: 'Called the employer’s published number; HR confirmed the address.',
      }),
    });
    expect(employer.status).toBe(201);
    // MANUAL: the authorities accept the checks and leave the answer to a person; the "manual" HR contact likewise.
    const created = await fetch(`${system.url('intake')}/candidates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json', 'idempotency-key': randomName('k') },
      body: JSON.stringify({
        nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
        person: {
          names: [{ full: 'Kwame MANUAL Mensah' }],
          dateOfBirth: '1988-03',
          nationalities: ['GH'],
          previousEmployers: [{ name: 'Former Employer', role: 'Logistics officer', contactEmail: contact, from: yearsAgo(6) }],
        },
        consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
      }),
    });
    expect(created.status).toBe(201);
    candidateId = String(((await created.json()) as { id: string }).id);
    checks = await waitFor(
      async () => {
        const all = await checksOf().catch(() => []);
        return all.length >= 4 && all.every((c) => c.state === 'awaiting-answer') ? all : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 1000, message: 'every check awaiting an answer' },
    );
  }, 600_000);
  afterAll(async () => {
    await mongo?.close();
    await system?.stop();
  });

  it('when the office computes the referee link from the check id and a known secret, then the portal does not know it and nothing is recorded', async () => {
    const disclosure = checks.find((c) => c.checkType === 'misconduct-disclosure')!;
    const forged = createHmac('sha256', PUBLIC_DEFAULTS.referee).update(`${disclosure.checkId}#1`).digest('base64url');
    const answer = {
      employed: 'yes',
      sexualMisconductFinding: 'no',
      leftDuringInvestigation: 'no',
      responderName: 'Not the employer',
      responderRole: 'HR',
      responderEmail: contact,
    };
    const res = await fetch(`${references}/referee/${forged}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(answer),
    });
    expect(res.status).toBe(404);
    expect((await checkOf('misconduct-disclosure')).state).toBe('awaiting-answer');
  });

  it('when the real link was mailed, then it opens the form, and only its hash and a sealed copy are stored', async () => {
    const admin = await bearer(['admin']);
    const mail = await waitFor(
      async () =>
        (
          (await (
            await fetch(`${system.url('references')}/dev/mailbox?to=${encodeURIComponent(contact)}`, { headers: { authorization: admin } })
          ).json()) as { items: { text: string }[] }
        ).items[0],
      { timeoutMs: 60_000, message: 'the disclosure mail' },
    );
    const token = /\/referee\/([\w-]+)/.exec(mail.text)![1]!;
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const form = await fetch(`${references}/referee/${token}`, { headers: { accept: 'application/json' } });
    expect(form.status).toBe(200);
    const db = mongo.db(system.database('references'));
    const links = await db.collection('referee_links').find({}).toArray();
    expect(links.map((l) => l.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    for (const { name } of await db.listCollections().toArray()) {
      if (name === 'dev_mailbox') continue; // the mail as sent (development transport only)
      const raw = JSON.stringify(await db.collection(name).find({}).toArray());
      expect(raw.includes(token), `token in clear in ${name}`).toBe(false);
    }
  });

  it('when a callback is signed with a default secret the code once shipped, then it is refused and the check still waits', async () => {
    const national = checks.find((c) => c.checkType === 'national-criminal-record')!;
    const body = JSON.stringify({ externalRef: `national-records-${national.checkId}`, result: 'no-adverse' });
    const legacy = `sha256=${createHmac('sha256', PUBLIC_DEFAULTS.callback).update(body).digest('hex')}`;
    const current = signRequest(PUBLIC_DEFAULTS.callback, { method: 'POST', path: pathOf(national.checkId), body });
    for (const signature of [legacy, current]) expect((await callback(national.checkId, body, signature)).status).toBe(401);
    expect((await checkOf('national-criminal-record')).state).toBe('awaiting-answer');
  });

  it('when one authority signs an answer for a check another authority holds, then it is refused', async () => {
    const un = checks.find((c) => c.checkType === 'un-records')!;
    const body = JSON.stringify({ externalRef: `un-records-${un.checkId}`, result: 'no-adverse' });
    const byNationalAuthority = signRequest(system.callbackSecrets['*']!, { method: 'POST', path: pathOf(un.checkId), body });
    expect((await callback(un.checkId, body, byNationalAuthority)).status).toBe(401);
    expect((await checkOf('un-records')).state).toBe('awaiting-answer');
  });

  it('when a genuine signed callback is captured, then sending it again, to another check or after its time window, changes nothing', async () => {
    const national = checks.find((c) => c.checkType === 'national-criminal-record')!;
    const disciplinary = checks.find((c) => c.checkType === 'disciplinary-record')!;
    const secret = system.callbackSecrets['*']!;
    const late = JSON.stringify({ externalRef: `national-records-${disciplinary.checkId}`, result: 'no-adverse' });
    const stale = signRequest(secret, { method: 'POST', path: pathOf(disciplinary.checkId), body: late }, Date.now() - 10 * 60_000);
    expect((await callback(disciplinary.checkId, late, stale)).status).toBe(401);

    const body = JSON.stringify({ externalRef: `national-records-${national.checkId}`, result: 'adverse' });
    const signature = signRequest(secret, { method: 'POST', path: pathOf(national.checkId), body });
    const genuine = await callback(national.checkId, body, signature);
    expect(genuine.status).toBe(200);
    expect(await checkOf('national-criminal-record')).toMatchObject({ state: 'completed', result: 'adverse' });
    expect((await callback(national.checkId, body, signature)).status).toBe(401);
    // The same bytes and signature at another check of the same authority.
    expect((await callback(disciplinary.checkId, body, signature)).status).toBe(401);
    expect((await checkOf('disciplinary-record')).state).toBe('awaiting-answer');
  });
});
