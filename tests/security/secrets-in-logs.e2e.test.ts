/**
 * A referee's link token is the only thing standing between anyone and the form that clears a
 * person: reading it from a log file must not be a way in. The running system (every service, the
 * references worker and the gateway as processes, logging at info as in production) serves a
 * referee through the gateway, and no log line of any process holds the token.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomName, waitFor } from '@vetting/platform/testing';
import { startSystem, type RunningSystem } from '../support/system';

const DAY = 24 * 3600 * 1000;
const yearsAgo = (n: number) => new Date(Date.now() - n * 365 * DAY).toISOString().slice(0, 7);

describe('referee tokens in the logs', () => {
  let system: RunningSystem;
  const contact = `hr.manual.${randomName('l').toLowerCase()}@former-employer.example`;
  const logs = () =>
    readdirSync(system.logDir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => ({ file: f, text: readFileSync(`${system.logDir}/${f}`, 'utf8') }));

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { references: { LOG_LEVEL: 'info' }, gateway: { LOG_LEVEL: 'info' } } });
  }, 600_000);
  afterAll(async () => system?.stop());

  it('when a referee opens, answers and reopens the link through the gateway, then no log line of any process holds the token', async () => {
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
    const office = await system.issuer.token({ sub: 'office-gh', roles: ['tcc-officer'], country: 'GH' });
    const created = await fetch(`${system.url('intake')}/candidates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json', 'idempotency-key': randomName('k') },
      body: JSON.stringify({
        nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'civilian' },
        person: {
          names: [{ full: 'Efua Logged Asante' }],
          dateOfBirth: '1991-07',
          nationalities: ['GH'],
          previousEmployers: [{ name: 'Former Employer', role: 'Logistics officer', contactEmail: contact, from: yearsAgo(6) }],
        },
        consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
      }),
    });
    expect(created.status).toBe(201);
    const admin = `Bearer ${await system.issuer.token({ sub: 'ops', roles: ['admin'] })}`;
    const mail = await waitFor(
      async () =>
        (
          (await (
            await fetch(`${system.url('references')}/dev/mailbox?to=${encodeURIComponent(contact)}`, { headers: { authorization: admin } })
          ).json()) as { items: { text: string }[] }
        ).items[0],
      { timeoutMs: 180_000, intervalMs: 1000, message: 'the disclosure mail' },
    );
    const link = /https?:\/\/\S+\/referee\/([\w-]+)/.exec(mail.text)!;
    const token = link[1]!;
    const url = `${system.console!.url}/api/references/referee/${token}`;

    expect((await fetch(url, { headers: { accept: 'text/html' } })).status).toBe(200);
    expect((await fetch(url, { headers: { accept: 'application/json', referer: url } })).status).toBe(200);
    const answer = {
      employed: 'yes',
      sexualMisconductFinding: 'no',
      leftDuringInvestigation: 'no',
      responderName: 'Head of HR',
      responderRole: 'HR',
      responderEmail: contact,
    };
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', referer: url },
        body: JSON.stringify(answer),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(410);
    expect((await fetch(`${url}x`, { headers: { accept: 'application/json' } })).status).toBe(404);

    // The requests were logged (so the test can see a leak), then: nowhere the token, and the URLs with it cut out.
    const served = () => logs().filter((l) => l.file === 'gateway.log' || l.file === 'references.log');
    await waitFor(() => served().length === 2 && served().every((l) => (l.text.match(/\/referee\//g) ?? []).length >= 5), {
      timeoutMs: 30_000,
      message: 'the referee requests in the gateway and references logs',
    });
    for (const { file, text } of logs()) expect(text.includes(token), `the token in ${file}`).toBe(false);
    for (const { file, text } of served()) expect(text, file).toMatch(/\/referee\/\[redacted\]/);
  });
});
