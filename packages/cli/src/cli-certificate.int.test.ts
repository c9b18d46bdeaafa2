import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createEventPublisher, createEventValidator, type EventPublisher } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { startCliSystem, type CliSystem } from './testing/cli-system';

const vetting = (args: string[], env: NodeJS.ProcessEnv) => cli(args, env, fetch);
const ROTATION = 'GHANBATT-CERT';
const list = { listId: 'un-bar', version: 1, contentHash: 'abc' };

/** Certificates from the terminal: versions, a signed download verified offline, refused when altered or under another key, and a diff. */
describe('vetting certificate', () => {
  let system: CliSystem;
  let office: NodeJS.ProcessEnv;
  let publisher: EventPublisher;
  let dir: string;
  const ids: string[] = [];

  const call = async (path: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${system.server}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${office.VETTING_TOKEN}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const decide = (id: string, revision: number, outcome: 'cleared' | 'not-cleared') =>
    publisher.publish([
      createEvent('screening', {
        type: 'screening.completed',
        subject: id,
        data: {
          candidateId: id,
          country: 'GH',
          screeningId: `${id}:${revision}`,
          candidateRevision: revision,
          outcome: 'clear',
          listVersions: [list],
          hits: [],
        },
      }),
      createEvent('clearance', {
        type: 'clearance.decided',
        subject: id,
        data: {
          candidateId: id,
          country: 'GH',
          decisionId: `d-${id}-${revision}`,
          outcome,
          policyVersion: 1,
          decidedBy: 'policy',
          reasons: ['r'],
          inputs: { screening: { screeningId: `${id}:${revision}`, outcome: 'clear', listVersions: [list] }, references: [] },
        },
      }),
    ]);
  const certify = () =>
    waitFor(async () => ((await call(`/intake/rotations/${ROTATION}/certification`, 'POST', {})).status === 201 ? true : undefined), {
      message: 'certified',
    });

  beforeAll(async () => {
    system = await startCliSystem();
    dir = mkdtempSync(join(tmpdir(), 'cli-cert-'));
    office = await system.as('office-gh', ['tcc-officer'], 'GH');
    publisher = createEventPublisher({ kafka: system.env.kafka, validator: createEventValidator(), topicPrefix: system.env.prefix });
    await publisher.connect();
    for (const name of ['Kofi Mensah Cert', 'Efua Asante Cert']) {
      const res = await call('/intake/candidates', 'POST', {
        nomination: { mission: 'MINUSCA', rotation: ROTATION, category: 'military-contingent' },
        person: {
          names: [{ full: name }],
          dateOfBirth: '1990',
          previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2010', nationalService: true }],
        },
        consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
      });
      ids.push(res.body.id as string);
    }
    await Promise.all(ids.map((id) => decide(id, 1, 'cleared')));
    await certify();
    await call(`/intake/candidates/${ids[1]}`, 'PATCH', {
      nomination: { mission: 'MINUSCA', rotation: ROTATION, category: 'staff-officer' },
    });
    await decide(ids[1]!, 2, 'not-cleared');
    await certify();
    expect((await vetting(['keys', 'pull'], office)).code).toBe(EXIT.ok);
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await system?.stop();
  });

  it('when an office lists the versions, then both are shown with their counts and signing key', async () => {
    const res = await vetting(['certificate', 'versions', ROTATION], office);
    expect(res.code, res.err).toBe(EXIT.ok);
    expect(res.out).toMatch(/^VERSION +CERTIFIED/);
    expect(res.out).toMatch(/\n2 +\S+ \S+ +office-gh +2 +1 +1 +[0-9a-f]{16}/);
    expect(res.out).toMatch(/\n1 +\S+ \S+ +office-gh +2 +2 +0 +[0-9a-f]{16}/);
  });

  it('when a downloaded version is verified offline, then it passes; altered or checked with another key, it is refused (exit 1)', async () => {
    const file = join(dir, 'cert-v1.json');
    expect((await vetting(['certificate', 'download', ROTATION, '--version', '1', '-o', file], office)).code).toBe(EXIT.ok);
    const offline = { ...office, VETTING_URL: 'http://127.0.0.1:9' };
    const ok = await cli(['certificate', 'verify', file], offline);
    expect(ok.code, ok.err).toBe(EXIT.ok);
    expect(ok.out).toMatch(new RegExp(`VERIFIED .* GH ${ROTATION} version 1, .* 2 member\\(s\\)`));
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.content.members[0].status = 'not-cleared';
    writeFileSync(join(dir, 'altered.json'), JSON.stringify(doc));
    const altered = await cli(['certificate', 'verify', join(dir, 'altered.json')], offline);
    expect(altered.code).toBe(EXIT.failure);
    expect(altered.out).toMatch(/REFUSED .*altered/);
    writeFileSync(join(dir, 'other.pem'), generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const other = await cli(['certificate', 'verify', file, '--keys', join(dir, 'other.pem')], offline);
    expect(other.code).toBe(EXIT.failure);
    expect(other.out).toMatch(/does not trust/);
  });

  it('when version 2 is compared with version 1, then the changed member is shown with both states', async () => {
    const res = await vetting(['certificate', 'diff', ROTATION, '2'], office);
    expect(res.code, res.err).toBe(EXIT.ok);
    expect(res.out).toMatch(/Version 1 → 2: 0 added, 0 removed, 1 changed, 1 unchanged/);
    expect(res.out).toMatch(/~ \S+ +Efua Asante Cert +cleared → not-cleared \(revision 1 → 2\)/);
    expect((await vetting(['certificate', 'versions', ROTATION], await system.as('office-np', ['tcc-officer'], 'NP'))).code).toBe(
      EXIT.notFoundOrDenied,
    );
  });
});
