import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { startCliSystem, type CliSystem } from './testing/cli-system';

const vetting = (args: string[], env: NodeJS.ProcessEnv, secrets: string[] = []) => cli(args, env, fetch, secrets);
const sampleList = fileURLToPath(new URL('../../banlists/samples/platform-banlist.sample.json', import.meta.url));
const dir = mkdtempSync(`${tmpdir()}/cli-files-`);
const file = (name: string, content: string) => (writeFileSync(`${dir}/${name}`, content), `${dir}/${name}`);

/** Version 2 of the sample list: one entry more. */
const nextVersion = () => {
  const list = JSON.parse(readFileSync(sampleList, 'utf8')) as { entries: Record<string, unknown>[] };
  list.entries.push({ ...list.entries[1]!, id: 'BAR-9002', names: [{ full: 'Ines Carvalho Duarte', script: 'Latn', kind: 'primary' }] });
  return file('list-v2.json', JSON.stringify(list));
};

/**
 * The commands of a working day, each against the real services behind the gateway (intake,
 * screening, audit in this process on the real Kafka, FerretDB and Redis): sign in, upload a
 * contingent, check and publish list files, follow a re-screening, export and verify an audit bundle.
 */
describe('vetting, command by command, against the services', () => {
  let system: CliSystem;
  let screener: NodeJS.ProcessEnv;

  beforeAll(async () => {
    system = await startCliSystem({ audit: true });
    screener = await system.as('screener-1', ['un-screener']);
    const published = await vetting(['lists', 'publish', sampleList, '--list', 'un-bar', '--name', 'UN bar list'], screener);
    expect(published.code, published.err).toBe(EXIT.ok);
  });
  afterAll(async () => system?.stop());

  it('when a user signs in with the right password and authenticator code, then the session is stored and whoami names them; a wrong password exits 3', async () => {
    const terminal = { VETTING_URL: system.server, XDG_CONFIG_HOME: mkdtempSync(`${tmpdir()}/cli-home-`) };
    const login = await vetting(['login', '-u', 'screener', '--password-stdin'], terminal, [
      system.password('screener'),
      await system.code('screener'),
    ]);
    expect(login.code, login.err).toBe(EXIT.ok);
    expect(login.out).toMatch(/Signed in as screener \(un-screener\); token stored in .*vetting\/token/);
    const me = await vetting(['--json', 'whoami'], terminal);
    expect(JSON.parse(me.out)).toMatchObject({ username: 'screener', roles: ['un-screener'] });
    const wrong = await vetting(
      ['login', '-u', 'screener', '--password-stdin'],
      { ...terminal, XDG_CONFIG_HOME: mkdtempSync(`${tmpdir()}/cli-home-`) },
      ['not-the-password'],
    );
    expect(wrong.code).toBe(EXIT.notFoundOrDenied);
  });

  it('when an office uploads a contingent with a bad row, then the good rows are stored, the bad one is reported and saved, and the exit status is 1', async () => {
    const office = await system.as('office-gh', ['tcc-officer'], 'GH');
    const csv = file(
      'contingent.csv',
      [
        'name,date_of_birth,nationalities,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,employer_1_name,employer_1_role,employer_1_from,employer_1_national_service',
        'Kofi Adjei Mensah,1991-03-04,GH,GA-1,yes,v1,2026-01-10,electronic-signature,Ghana Armed Forces,Private,2012,yes',
        'Esi Owusu Darko,1993-06-07,GH,GA-2,yes,v1,2026-01-10,electronic-signature,Ghana Armed Forces,Private,2013,yes',
        'Yaw Appiah,1990-02-31,GH,GA-3,yes,v1,2026-01-10,electronic-signature,Ghana Armed Forces,Private,2012,yes',
      ].join('\n'),
    );
    const errorsOut = `${dir}/errors.csv`;
    const upload = await vetting(
      [
        'candidates',
        'upload',
        csv,
        '--mission',
        'MINUSCA',
        '--rotation',
        'GHANBATT-CLI',
        '--category',
        'military-contingent',
        '--errors-out',
        errorsOut,
      ],
      office,
    );
    expect(upload.code, upload.err).toBe(EXIT.failure);
    expect(upload.out).toMatch(/completed — 3 read, 2 valid, 1 with errors, 2 stored/);
    expect(upload.out).toMatch(/ROW +FIELD +REASON/);
    expect(readFileSync(errorsOut, 'utf8')).toMatch(/date_?of_?birth|dateOfBirth/i);
    const roll = await waitFor(
      async () => {
        const r = await vetting(['--json', 'candidates', 'status', '--rotation', 'GHANBATT-CLI'], office);
        return r.code === EXIT.ok && JSON.parse(r.out).length === 2 ? JSON.parse(r.out) : undefined;
      },
      { timeoutMs: 30_000, message: 'the two stored rows on the roll' },
    );
    expect(roll.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['Esi Owusu Darko', 'Kofi Adjei Mensah']);
  });

  it('when list files are checked offline, then a good file is ready to publish, a bad one exits 1 naming the problem, and two files are compared', async () => {
    const good = await vetting(['lists', 'import', sampleList], {});
    expect(good.code, good.err).toBe(EXIT.ok);
    expect(good.out).toMatch(/platform-json, 30 entries, .*ready to publish/);
    const bad = await vetting(
      [
        'lists',
        'import',
        file('bad-list.json', JSON.stringify({ format: 'vetting-banlist', version: 1, entries: [{ id: 'X-1', names: [] }] })),
      ],
      {},
    );
    expect(bad.code).toBe(EXIT.failure);
    expect(bad.err).toMatch(/not a valid platform-json file/);
    const diff = await vetting(['--json', 'lists', 'diff', sampleList, nextVersion()], {});
    expect(JSON.parse(diff.out)).toMatchObject({ added: [expect.stringMatching(/BAR-9002/)], removed: [], changed: [] });
  });

  it('when a new list version is published, then the server diff names the added entry and rescreen --watch follows it until completed', async () => {
    const published = await vetting(['lists', 'publish', nextVersion(), '--list', 'un-bar'], screener);
    expect(published.out).toMatch(/un-bar v2 published: \+1 -0 ~0/);
    const diff = await vetting(['lists', 'diff', 'un-bar', '2'], screener);
    expect(diff.code, diff.err).toBe(EXIT.ok);
    expect(diff.out).toMatch(/un-bar v2 against v1: 1 added, 0 removed, 0 changed\n\+ BAR-9002 Ines Carvalho Duarte/);
    const watched = await vetting(['--json', 'rescreen', '--watch', '--list', 'un-bar', '--interval', '200'], screener);
    expect(watched.code, watched.err).toBe(EXIT.ok);
    expect(JSON.parse(watched.out)).toEqual([expect.objectContaining({ listId: 'un-bar', version: 2, status: 'completed' })]);
  });

  it("when an auditor exports a candidate's bundle, then it verifies offline, and the same bundle with one entry altered is reported broken (exit 1)", async () => {
    const office = await system.as('office-gh', ['tcc-officer'], 'GH');
    const [candidate] = JSON.parse((await vetting(['--json', 'candidates', 'status', '--rotation', 'GHANBATT-CLI'], office)).out) as {
      id: string;
    }[];
    const auditor = await system.as('auditor-1', ['auditor']);
    const out = `${dir}/bundle.json`;
    await waitFor(
      async () => {
        const exported = await vetting(['audit', 'export', '--candidate', candidate!.id, '--out', out], auditor);
        return (
          exported.code === EXIT.ok &&
          JSON.parse(readFileSync(out, 'utf8')).entries.some((e: { type?: string }) => e.type === 'candidate.submitted')
        );
      },
      { timeoutMs: 60_000, message: "the candidate's submission in an exported bundle" },
    );
    const verified = await vetting(['audit', 'verify', out], {});
    expect(verified.code, verified.out).toBe(EXIT.ok);
    expect(verified.out).toMatch(/^VERIFIED .*bundle\.json: \d+ entries/);

    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { entries: Record<string, unknown>[] };
    const entry = bundle.entries.find((e) => e.type === 'candidate.submitted')!;
    // An edit that surely changes the entry, whatever it held: its type gets a suffix.
    entry.type = `${String(entry.type)}-altered`;
    const broken = await vetting(['--json', 'audit', 'verify', file('altered.json', JSON.stringify(bundle))], {});
    expect(broken.code).toBe(EXIT.failure);
    // The untouched bundle verified above, so the alteration is what breaks it (the signature over the whole bundle first).
    expect(JSON.parse(broken.out)).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ problem: expect.stringMatching(/altered/) })],
    });
  });
});
