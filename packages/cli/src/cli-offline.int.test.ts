import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_BUNDLE_FORMAT, type ListBundle } from '@vetting/banlists';
import { waitFor } from '@vetting/platform/testing';
import { loadFileSigner, signDocument } from '@vetting/signing';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { startCliSystem, type CliSystem } from './testing/cli-system';

const vetting = (args: string[], env: NodeJS.ProcessEnv) => cli(args, env, fetch);
const sampleList = fileURLToPath(new URL('../../banlists/samples/platform-banlist.sample.json', import.meta.url));

/**
 * Screening offline from the terminal: keys pulled while online, a signed bundle downloaded, people
 * screened with no server, refused bundles (altered, another key, expired, too old), and the results
 * uploaded and screened again — against the real services behind the real gateway.
 */
describe('vetting offline: bundle, check --offline, batch, upload', () => {
  let system: CliSystem;
  let office: NodeJS.ProcessEnv;
  let dir: string;
  let bundleFile: string;

  beforeAll(async () => {
    system = await startCliSystem();
    dir = mkdtempSync(join(tmpdir(), 'cli-offline-'));
    bundleFile = join(dir, 'lists.json');
    const screener = await system.as('screener-1', ['un-screener']);
    expect((await vetting(['lists', 'publish', sampleList, '--list', 'un-bar', '--name', 'UN bar list'], screener)).code).toBe(EXIT.ok);
    office = await system.as('office-gh', ['tcc-officer'], 'GH');
    expect((await vetting(['keys', 'pull'], office)).code).toBe(EXIT.ok);
    await waitFor(async () => (await vetting(['offline', 'bundle', '-o', bundleFile], office)).code === EXIT.ok, {
      message: 'a bundle once the list is loaded',
    });
  });
  afterAll(async () => system?.stop());

  it('when an office checks one person offline, then the bundle is verified and the outcome printed without any server', async () => {
    const offline = { ...office, VETTING_URL: 'http://127.0.0.1:9' }; // nothing listens there: no network is needed
    const hit = await cli(['check', '--offline', bundleFile, 'Tariq Mahmood Kadir', '--dob', '1979-04-12'], offline);
    expect(hit.code, hit.err).toBe(EXIT.ok);
    expect(hit.out).toMatch(/OFFLINE check against bundle/);
    expect(hit.out).toMatch(/POSSIBLE-MATCH +\d\.\d\d +un-bar\/BAR-0001/);
    expect(hit.out).toMatch(/Outcome: possible-match\. Do not deploy/);
    expect(
      (await cli(['check', '--offline', bundleFile, 'Tariq Mahmood Kadir', '--dob', '1979-04-12', '--fail-on-hit'], offline)).code,
    ).toBe(EXIT.failure);
    const clear = await cli(['--json', 'check', '--offline', bundleFile, 'Wanjiru Achieng Otieno'], offline);
    expect(JSON.parse(clear.out)).toMatchObject({ outcome: 'clear', hits: [], listVersions: [{ listId: 'un-bar', version: 1 }] });
  });

  it('when the bundle was altered, is checked against another key, has expired or is older than allowed, then it is refused (exit 1) and nobody is screened', async () => {
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as ListBundle;
    const tampered = structuredClone(bundle);
    tampered.content.lists[0]!.entries = tampered.content.lists[0]!.entries.filter((e) => e.id !== 'BAR-0001');
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
    const altered = await cli(['check', '--offline', join(dir, 'tampered.json'), 'Tariq Mahmood Kadir'], office);
    expect(altered.code).toBe(EXIT.failure);
    expect(altered.err).toMatch(/Refused .*tampered\.json: the content does not match its hash/);
    expect(altered.out).toBe('');

    writeFileSync(join(dir, 'other.pem'), generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const wrongKey = await cli(['check', '--offline', bundleFile, 'Tariq Mahmood Kadir', '--keys', join(dir, 'other.pem')], office);
    expect(wrongKey.code).toBe(EXIT.failure);
    expect(wrongKey.err).toMatch(/signed with a key this verifier does not trust/);

    // An expired bundle really signed by the platform's key: only its age is wrong.
    const { signer } = await loadFileSigner(system.signingKeyDir);
    const old = new Date(Date.now() - 10 * 86_400_000);
    const expired = await signDocument(
      LIST_BUNDLE_FORMAT,
      { ...bundle.content, createdAt: old.toISOString(), expiresAt: new Date(old.getTime() + 7 * 86_400_000).toISOString() },
      signer,
      old,
    );
    writeFileSync(join(dir, 'expired.json'), JSON.stringify(expired));
    const stale = await cli(['check', '--offline', join(dir, 'expired.json'), 'Tariq Mahmood Kadir', '--max-age', '30d'], office);
    expect(stale.code).toBe(EXIT.failure);
    expect(stale.err).toMatch(/expired at/);
    const tooOld = await cli(['check', '--offline', bundleFile, 'Tariq Mahmood Kadir'], { ...office, VETTING_BUNDLE_MAX_AGE: '0m' });
    expect(tooOld.code).toBe(EXIT.failure);
    expect(tooOld.err).toMatch(/download a new one/);
    const noKeys = await cli(['check', '--offline', bundleFile, 'X Y'], {
      ...office,
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'cli-nokeys-')),
    });
    expect(noKeys.code).toBe(EXIT.notFoundOrDenied);
    expect(noKeys.err).toMatch(/vetting keys pull/);
  });

  it('when a contingent is screened offline in a batch and uploaded after the list changed, then the server screens each again and names the rows that need review', async () => {
    const people = join(dir, 'people.jsonl');
    writeFileSync(
      people,
      [
        '{"id":"GH-001","names":["Ama Serwaa Boateng"],"dateOfBirth":"1994-02"}',
        '{"id":"GH-002","names":["Kwabena Owusu Ansah"],"dateOfBirth":"1987-11-30"}',
        'not json',
        '{"id":"GH-003","names":["Tariq Mahmood Kadir"],"dateOfBirth":"1979-04-12"}',
      ].join('\n'),
    );
    const results = join(dir, 'results.jsonl');
    const batch = await cli(['check', '--offline', bundleFile, '--batch', people, '--out', results], office);
    expect(batch.code).toBe(EXIT.failure); // the bad line
    expect(batch.err).toMatch(/line 3: not valid JSON/);
    expect(batch.err).toMatch(/Screened 3 people offline .* 2 clear, 1 possible match/);
    const lines = readFileSync(results, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'vetting-offline-results/1', bundleContentHash: expect.stringMatching(/^sha256:/) });
    expect(lines.slice(1).map((l: { ref: string; outcome: string }) => [l.ref, l.outcome])).toEqual([
      ['GH-001', 'clear'],
      ['GH-002', 'clear'],
      ['GH-003', 'possible-match'],
    ]);

    // A new list version now lists the second person: the result screened offline is out of date.
    const added = join(dir, 'v2.json');
    const sample = JSON.parse(readFileSync(sampleList, 'utf8'));
    sample.entries.push({
      ...sample.entries[0],
      id: 'BAR-0999',
      names: [{ full: 'Kwabena Owusu Ansah', kind: 'primary' }],
      datesOfBirth: ['1987-11-30'],
      documents: [],
      serviceNumbers: [],
    });
    writeFileSync(added, JSON.stringify(sample));
    expect((await vetting(['lists', 'publish', added, '--list', 'un-bar'], await system.as('screener-1', ['un-screener']))).code).toBe(
      EXIT.ok,
    );
    const upload = await waitFor(
      async () => {
        const r = await vetting(['--json', 'offline', 'upload', results, '--key', `upload-${Date.now()}`], office);
        return r.code === EXIT.ok && JSON.parse(r.out).disagree === 1 ? r : undefined;
      },
      { message: 'the upload screened against version 2' },
    );
    expect(JSON.parse(upload.out)).toMatchObject({
      rows: 3,
      needsReview: 2,
      review: [
        expect.objectContaining({ ref: 'GH-002', offlineOutcome: 'clear', currentOutcome: 'possible-match' }),
        expect.objectContaining({ ref: 'GH-003' }),
      ],
    });
    expect((await vetting(['offline', 'upload', results, '--fail-on-review'], office)).code).toBe(EXIT.failure);
    const listed = await vetting(['offline', 'uploads'], office);
    expect(listed.out).toMatch(/offline-[0-9a-f]+ +GH/);
    expect((await vetting(['offline', 'uploads'], await system.as('office-np', ['tcc-officer'], 'NP'))).out).not.toMatch(/offline-/);
  });
});
