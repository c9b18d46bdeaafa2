import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { verifyBundleText, type AuditBundle } from '@vetting/signing';
import { candidateStory, publish, startAuditForTest, untilHead } from '../testing/audit-fixture';

const binary = (res: request.Response) => res.text;
type Shown = { subject: string; refs?: string[] };
const shownOf = (bundle: AuditBundle) => bundle.entries.filter((e) => !('elided' in e)) as unknown as Shown[];

describe('audit trail, export and statistics (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startAuditForTest>>;
  const get = (path: string) => request(t.audit.app).get(path).set('authorization', t.auditor);

  beforeAll(async () => {
    t = await startAuditForTest();
    const listRead = createEvent('intake', {
      type: 'access.recorded',
      subject: 'list',
      data: {
        actor: 'gh-office',
        role: 'tcc-officer',
        subjectId: 'list',
        subjectIds: ['c-a', 'c-b'],
        resource: 'candidates',
        purpose: 'list',
      },
    });
    await publish(t, [
      ...candidateStory('c-a', 'GH', new Date('2026-02-01T10:00:00Z')),
      ...candidateStory('c-b', 'NP', new Date('2026-05-01T10:00:00Z')),
      listRead,
    ]);
    await untilHead(t.audit, 13);
  });
  afterAll(async () => t?.audit.stop());

  it('when an auditor reads a trail, then the story is in event-time and cause order, with reasons, and the read itself joins the trail', async () => {
    const res = await get('/trails/c-a').expect(200);
    const types = res.body.steps.map((s: { type: string }) => s.type);
    // The decision's own clock said 59 min, before the answer it was caused by (60 min): it still comes after it.
    expect(types).toEqual([
      'candidate.submitted',
      'screening.completed',
      'reference.check-requested',
      'screening.match-resolved',
      'reference.check-completed',
      'clearance.decided',
      'access.recorded',
    ]);
    const decision = res.body.steps.find((s: { type: string }) => s.type === 'clearance.decided');
    expect(decision).toMatchObject({ actor: 'officer-9', outcome: 'not-cleared', inputs: { policyVersion: 2 } });
    expect(res.body.steps.find((s: { type: string }) => s.type === 'screening.match-resolved')).toMatchObject({
      actor: 'screener-1',
      reasons: ['different date of birth'],
    });
    expect(res.body.steps.find((s: { kind: string }) => s.kind === 'access').what).toMatch(/gh-office \(tcc-officer\) read candidates/);
    expect(JSON.stringify(res.body)).not.toMatch(/Kwame|Mensa|G1234567|1990-05/);
    const later = await waitFor(
      async () => {
        const again = await get('/trails/c-a');
        return again.body.steps.find((s: { kind: string; what: string }) => s.kind === 'access' && /auditor-1/.test(s.what));
      },
      { message: 'the trail read recorded in the trail' },
    );
    expect(later.what).toMatch(/audit\/trail/);
  });

  it('when a candidate’s bundle is exported, then it verifies offline and shows only that candidate', async () => {
    const text = binary(await get('/exports/bundle?candidateId=c-b').expect(200).expect('content-type', /json/));
    const bundle = JSON.parse(text) as AuditBundle;
    expect(verifyBundleText(text)).toMatchObject({ ok: true, problems: [] });
    const shown = shownOf(bundle);
    expect(shown.every((e) => e.subject === 'c-b' || e.refs?.includes('c-b'))).toBe(true);
    expect(shown.length).toBeGreaterThanOrEqual(7);
    expect(bundle.entries.some((e) => 'elided' in e)).toBe(true);
    const file = join(t.checkpointDir, 'bundle.json');
    await writeFile(file, text);
    const cli = await promisify(execFile)('npx', ['tsx', 'src/cli/verify-bundle.ts', file], {
      cwd: new URL('../..', import.meta.url).pathname,
    });
    expect(cli.stdout).toMatch(/^OK: \d+ entries/m);
    await writeFile(file, text.replace('"no-response"', '"no-adverse"'));
    const broken = await promisify(execFile)('npx', ['tsx', 'src/cli/verify-bundle.ts', file], {
      cwd: new URL('../..', import.meta.url).pathname,
    }).catch((e: { code: number; stdout: string }) => e);
    expect(broken).toMatchObject({ code: 1 });
  }, 120_000);

  it('when any single byte of an exported bundle changes, then the offline verifier fails it', async () => {
    const text = binary(await get('/exports/bundle?candidateId=c-a').expect(200));
    for (let i = 0; i < text.length; i++) {
      const altered = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);
      if (verifyBundleText(altered).ok)
        throw new Error(`changing byte ${i} (${JSON.stringify(text.slice(i - 20, i + 20))}) went unnoticed`);
    }
  }, 300_000);

  it('when a rotation or a period is exported, then the bundle holds its people’s entries and verifies', async () => {
    const rotation = JSON.parse(binary(await get('/exports/bundle?rotation=R7&mission=MINUSCA').expect(200))) as AuditBundle;
    expect(new Set(shownOf(rotation).map((e) => e.subject))).toEqual(new Set(['c-a', 'c-b', 'list']));
    const periodText = binary(await get('/exports/bundle?from=2026-04-01T00:00:00Z&to=2026-07-01T00:00:00Z').expect(200));
    expect(verifyBundleText(periodText).ok).toBe(true);
    expect(shownOf(JSON.parse(periodText) as AuditBundle).every((e) => e.subject === 'c-b')).toBe(true);
  });

  it('when the scope is missing or double, then the request is refused naming the field', async () => {
    const none = await get('/exports/bundle').expect(400);
    expect(none.body.errors[0].field).toBe('query/candidateId');
    const half = await get('/exports/bundle?from=2026-04-01T00:00:00Z').expect(400);
    expect(half.body.errors[0].field).toBe('query/to');
    await get('/exports/bundle?candidateId=nobody').expect(404);
  });

  it('when a report is asked as CSV or HTML, then a formula in a reason is neutralised and markup is escaped', async () => {
    const csvRes = await get('/exports/report?candidateId=c-a&format=csv');
    expect(csvRes.status, JSON.stringify(csvRes.body)).toBe(200);
    const csv = csvRes.text;
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""no reference"")"`);
    expect(csv.split('\r\n')[0]).toBe('seq,time,type,subject,country,actor,what,outcome,reasons,eventId,hash');
    const html = (
      await get('/exports/report?candidateId=c-a&format=html')
        .expect(200)
        .expect('content-type', /text\/html/)
    ).text;
    expect(html).toContain('Verified:');
    expect(html).toContain('=HYPERLINK(&quot;http://x.example&quot;');
    expect(html).not.toMatch(/<script/i);
  });

  it('when statistics are asked, then figures by quarter and country are computed from the entries', async () => {
    const res = await get('/statistics?by=quarter').expect(200);
    const gh = res.body.groups.find((g: { period: string; country: string }) => g.period === '2026-Q1' && g.country === 'GH');
    expect(gh.figures).toMatchObject({
      nominations: 1,
      screenings: 1,
      possibleMatches: 1,
      falsePositives: 1,
      checksRequested: 1,
      checksUnanswered: 1,
      decisionsNotCleared: 1,
      refusalsAbsentInformation: 1,
    });
    expect(res.body.totals).toMatchObject({ nominations: 2, refusalsAbsentInformation: 2 });
    const np = await get('/statistics?country=NP&from=2026-04-01T00:00:00Z&to=2026-07-01T00:00:00Z').expect(200);
    expect(np.body.groups.map((g: { country: string; period: string }) => `${g.period} ${g.country}`)).toEqual(['2026-Q2 NP']);
  });
});
