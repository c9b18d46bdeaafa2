import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { uploadIdFor as intakeUploadIdFor } from '../../../services/intake/src/use-cases/receive-upload.use-case';
import { EXIT } from './exit-codes';
import { cli } from './testing/run-cli';
import { formatHit, table } from './output';
import { readSession, readToken, storeToken, tokenPath } from './settings';
import { formatRoll, type CandidateView } from './commands/candidates.command';
import { checkRequest } from './commands/check.command';
import { exportScope } from './commands/audit.command';
import { countRows, uploadIdFor } from './commands/upload.flow';
import { formatRevetting } from './commands/revettings.command';

describe('arguments', () => {
  it('when asked for help at any level, then it prints usage and exits 0', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toMatch(/Exit status: 0 ok, 1 failure, 2 usage, 3 not found or denied/);
    const sub = await cli(['candidates', 'upload', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.out).toMatch(/--mode <mode>/);
  });
  it('when a command or option is unknown or an argument missing, then the exit status is 2 (usage)', async () => {
    expect((await cli(['bogus'])).code).toBe(EXIT.usage);
    expect((await cli(['check'])).code).toBe(EXIT.usage);
    expect((await cli(['candidates', 'upload', 'f.csv', '--mode', 'sometimes'])).code).toBe(EXIT.usage);
    expect((await cli(['lists', 'publish', 'f.json'])).code).toBe(EXIT.usage);
    expect((await cli(['revettings', '--state', 'overdue'])).code).toBe(EXIT.usage);
  });
  it('when a re-vetting is listed, then the line says who, where, when due and until when the clearance holds', () => {
    const line = formatRevetting({
      candidateId: 'c1',
      country: 'GH',
      state: 'in-progress',
      category: 'military-contingent',
      mission: 'MINUSCA',
      rotation: 'R1',
      dueAt: '2027-02-01T00:00:00Z',
      validUntil: '2027-03-01T00:00:00Z',
      openedAt: '2027-02-01T00:05:00Z',
    });
    expect(line).toBe(
      'c1  GH  MINUSCA/R1  military-contingent  due 2027-02-01  clearance valid until 2027-03-01  re-vetting since 2027-02-01',
    );
  });
  it('when a check has a malformed date of birth or country, then nothing is sent and the exit status is 2', async () => {
    const bad = await cli(['check', 'Ama Mensah', '--dob', '19-4']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toMatch(/--dob 19-4/);
    expect(() => checkRequest(['A B'], { nationality: ['Ghana'], purpose: 'x' })).toThrow(/two-letter/);
    expect(checkRequest(['A B'], { dob: '1980-02', nationality: ['gh'], passport: ['P1'], purpose: 'p' })).toEqual({
      names: ['A B'],
      purpose: 'p',
      dateOfBirth: '1980-02',
      nationalities: ['GH'],
      documents: [{ type: 'passport', number: 'P1' }],
    });
  });
  it('when an export names no scope or two, then it is a usage error; a period becomes ISO instants', async () => {
    expect((await cli(['audit', 'export', '--out', 'x.json'])).code).toBe(EXIT.usage);
    expect(() => exportScope({ candidate: 'c1', rotation: 'r' })).toThrow(/exactly one scope/);
    expect(exportScope({ from: '2026-01-01', to: '2026-04-01' })).toEqual({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
  });
  it('when not signed in, then a server command exits 3 and says how to sign in', async () => {
    const fake = (async () => new Response(JSON.stringify({ title: 'Unauthorised', status: 401 }), { status: 401 })) as typeof fetch;
    const res = await cli(['candidates', 'status'], { XDG_CONFIG_HOME: mkdtempSync(`${tmpdir()}/cli-`) }, fake);
    expect(res.code).toBe(EXIT.notFoundOrDenied);
    expect(res.err).toMatch(/vetting login/);
  });
  it('when a bundle file is missing or altered, then verify exits 3 or 1 without any server', async () => {
    expect((await cli(['audit', 'verify', '/nonexistent/bundle.json'])).code).toBe(EXIT.notFoundOrDenied);
    const file = `${mkdtempSync(`${tmpdir()}/cli-`)}/bundle.json`;
    writeFileSync(file, '{ "format": "vetting-audit-bundle/1" }');
    const broken = await cli(['audit', 'verify', file, '--json']);
    expect(broken.code).toBe(EXIT.failure);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false });
  });
});

describe('token storage', () => {
  it('when a session is stored, then only its owner can read it and its token is read back', () => {
    const env = { XDG_CONFIG_HOME: mkdtempSync(`${tmpdir()}/cli-`) };
    storeToken({ token: 'a.b.c', refreshToken: 'sid.secret' }, env);
    expect(statSync(tokenPath(env)).mode & 0o777).toBe(0o600);
    expect(readToken(env)).toBe('a.b.c');
    expect(readSession(env)).toEqual({ token: 'a.b.c', refreshToken: 'sid.secret' });
    expect(readToken({ ...env, VETTING_TOKEN: 'from-env' })).toBe('from-env');
  });
});

describe('output', () => {
  it('when rows are printed, then columns align and empty cells show a dash', () => {
    expect(
      table(
        [
          { a: 'x', b: '' },
          { a: 'longer', b: 'y' },
        ],
        [
          { title: 'A', value: (r) => r.a },
          { title: 'B', value: (r) => r.b },
        ],
      ),
    ).toBe('A       B\n------  -\nx       -\nlonger  y');
  });
  it('when a hit is printed, then what agreed and what differed are marked', () => {
    const text = formatHit({
      listId: 'un-bar',
      entryId: 'BAR-1',
      score: 0.91,
      band: 'possible-match',
      matchedName: { full: 'Tariq Qadir', kind: 'primary' },
      summary: 'names agree',
      features: [
        { feature: 'name', contribution: 0.8 },
        { feature: 'date-of-birth', contribution: -0.2, detail: '1979 vs 1980' },
      ],
    });
    expect(text).toContain('POSSIBLE-MATCH 0.91  un-bar/BAR-1  Tariq Qadir (primary)');
    expect(text).toContain('+ name +0.80');
    expect(text).toContain('− date-of-birth -0.20  1979 vs 1980');
  });
  it('when the roll is printed, then each person has case, status and decision', () => {
    const c: CandidateView = {
      id: 'c1',
      caseReference: 'GH-1',
      displayName: 'Ama Mensah',
      country: 'GH',
      status: 'cleared',
      nomination: { mission: 'M', rotation: 'R1', category: 'civilian' },
      decision: { outcome: 'cleared', decidedAt: '2026-03-01T10:00:00Z', validUntil: '2027-03-01T00:00:00Z' },
      timeline: [],
    };
    expect(formatRoll([c])).toMatch(/GH-1 +Ama Mensah +R1 +cleared +2026-03-01 10:00Z +2027-03-01 +c1\n1 candidate/);
  });
});

describe('uploads', () => {
  it('when the CLI derives an upload id, then it is the one intake gives the same caller and key', () => {
    expect(uploadIdFor('officer.gh', 'cli-key-1')).toBe(intakeUploadIdFor({ id: 'officer.gh' } as never, 'cli-key-1'));
  });
  it('when rows are counted for the progress bar, then the CSV header and blank lines are not rows', () => {
    expect(countRows('a,b\n1,2\n\n3,4\n', false)).toBe(2);
    expect(countRows('[{},{},{}]', true)).toBe(3);
  });
});
