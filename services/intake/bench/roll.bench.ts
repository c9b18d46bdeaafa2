/**
 * `npm run bench:roll -w services/intake [-- 10000]`: how fast the roll screen's requests answer on a
 * rotation of N members (default 10,000), against the real FerretDB: the first page with its total,
 * a page 100 pages deep (cursor), name and case-reference searches, a status filter, and the whole
 * roll as CSV. Median of five of each. Writes bench/results/roll.json and .md.
 */
import { mkdirSync, rmSync, writeFileSync, createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BSON } from 'mongodb';
import { loadConfig } from '@vetting/platform';
import { createTestServiceEnv, waitFor } from '@vetting/platform/testing';
import { intakeConfigSchema, keysDirOf } from '../src/config';
import { createCandidateRepository } from '../src/data/candidate.repository';
import { createPersonalCipher } from '../src/data/personal-data.cipher';
import { startIntake } from '../src/start-intake';
import { writeContingent } from './contingent-file';

const members = Number(process.argv[2] ?? 10_000);
const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
const rotation = `ROLL-${members}`;
const file = `${tmpdir()}/roll-bench-${process.pid}.csv`;
await writeContingent(file, members);
const env = await createTestServiceEnv('intake');
const config = loadConfig(intakeConfigSchema, { ...env.env, LOG_LEVEL: 'silent' });
const intake = await startIntake(config, { jwks: env.issuer.jwks });
// Database commands and reply bytes of one request (counted on a run of its own: sizing replies costs time).
let counting: { commands: number; bytes: number } | undefined;
intake.runtime.db.getClient().on('commandSucceeded', (e) => {
  if (!counting) return;
  counting.commands++;
  counting.bytes += e.reply && typeof e.reply === 'object' ? BSON.calculateObjectSize({ ...e.reply }) : 0;
});
const token = await env.issuer.token({ sub: 'bench-office', roles: ['tcc-officer'], country: 'GH' });
const base = `http://127.0.0.1:${intake.port}`;

const uploaded = await new Promise<{ id: string }>((resolve, reject) => {
  const req = request(
    {
      host: '127.0.0.1',
      port: intake.port,
      method: 'POST',
      path: `/uploads?mode=all-or-nothing&mission=MINUSCA&rotation=${rotation}&category=military-contingent`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': statSync(file).size },
    },
    (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(JSON.parse(text) as { id: string }));
    },
  );
  req.on('error', reject);
  createReadStream(file).pipe(req);
});
await waitFor(async () => (await intake.runtime.db.collection('uploads').findOne({ _id: uploaded.id as never }))?.state === 'completed', {
  timeoutMs: 900_000,
  intervalMs: 200,
  message: 'the roll stored',
});

// Requests are timed once the relay has published the writes before them (the upload's 10,000
// candidate.submitted, the clearances' revisions): otherwise the first requests share the machine
// with that backlog and the figures say more about it than about the request.
const settled = () =>
  waitFor(async () => (await intake.runtime.db.collection('candidates_revisions').countDocuments({ outboxPending: true })) === 0, {
    timeoutMs: 900_000,
    intervalMs: 1000,
    message: 'the outbox published',
  });
await settled();

const get = async (path: string, method = 'GET') => {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - started, body };
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const counted = async (path: string, method = 'GET') => {
  counting = { commands: 0, bytes: 0 };
  const r = await get(path, method);
  const count = counting;
  counting = undefined;
  return { ...r, ...count };
};
const timed = async (path: string, runs = 5) => {
  const { commands, bytes } = await counted(path);
  const times: number[] = [];
  let last = '';
  for (let i = 0; i < runs; i++) {
    const r = await get(path);
    times.push(r.ms);
    last = r.body;
  }
  return { ms: Math.round(median(times)), body: last, commands, bytes };
};

const list = (q: Record<string, string>) => `/candidates?${new URLSearchParams({ rotation, limit: '50', ...q })}`;
const first = await timed(list({}));
const firstPage = JSON.parse(first.body) as { items: { caseReference: string }[]; next: string; total: number };
let cursor = firstPage.next;
const deepPage = Math.min(100, Math.floor(members / 50));
for (let page = 2; page < deepPage; page++) cursor = (JSON.parse((await get(list({ after: cursor }))).body) as { next: string }).next;
const deep = await timed(list({ after: cursor }));
// The family name and number of one row of the file (see contingent-file.ts): one person.
const one = Math.floor(members * 0.43);
const byName = await timed(
  list({ q: `${['Mensah', 'Owusu', 'Boateng', 'Asante', 'Darko', 'Adjei', 'Appiah', 'Osei', 'Amoah', 'Agyeman'][(one * 3) % 10]}-${one}` }),
);
const byCommonName = await timed(list({ q: 'Kwame Mensah' }));
const byReference = await timed(list({ q: firstPage.items[7]!.caseReference }));
const byStatus = await timed(list({ status: 'screening' }));
const csv = await timed(`/rotations/${rotation}/roll.csv`, 1);

// Certification needs a decided roll: the bench has no screening or clearance service, so each member
// is cleared in the store directly, as intake's status tracking would on clearance.decided.
const decider = createCandidateRepository(intake.runtime.db, createPersonalCipher(intake.runtime.db, keysDirOf(config)));
const ids = (
  await intake.runtime.db
    .collection('candidates')
    .find({ rotation }, { projection: { _id: 1 } })
    .toArray()
).map((d) => String(d._id));
const decidedAt = new Date().toISOString();
for (let i = 0; i < ids.length; i += 50)
  await Promise.all(
    ids.slice(i, i + 50).map((id) =>
      decider.applyOnce(
        id,
        `bench-cleared:${id}`,
        () => ({
          status: 'cleared',
          screeningDone: true,
          referencesDone: true,
          decision: { outcome: 'cleared', decidedAt, listVersions: [] },
        }),
        'clearance.decided',
        decidedAt,
      ),
    ),
  );
await waitFor(async () => (await intake.runtime.db.collection('candidates').countDocuments({ rotation, status: 'cleared' })) === members, {
  timeoutMs: 900_000,
  intervalMs: 1000,
  message: 'the roll decided',
});
await settled();
const certifyPath = `/rotations/${rotation}/certification`;
const certify = await counted(certifyPath, 'POST');
const again = await counted(certifyPath, 'POST');
const read = await counted(certifyPath);
const certMembers = (body: string) => {
  const certificate: { members: unknown[] } = JSON.parse(body);
  return certificate.members.length;
};

const rows = [
  { request: 'first page (50) with the total', ms: first.ms, found: firstPage.total },
  { request: `page ${deepPage} (cursor)`, ms: deep.ms, found: (JSON.parse(deep.body) as { items: unknown[] }).items.length },
  { request: 'search: one person by name words', ms: byName.ms, found: (JSON.parse(byName.body) as { total: number }).total },
  { request: 'search: a common name (two words)', ms: byCommonName.ms, found: (JSON.parse(byCommonName.body) as { total: number }).total },
  { request: 'search: case reference', ms: byReference.ms, found: (JSON.parse(byReference.body) as { total: number }).total },
  { request: 'status filter, first page with the total', ms: byStatus.ms, found: (JSON.parse(byStatus.body) as { total: number }).total },
  { request: `whole roll as CSV (${members} rows)`, ms: csv.ms, found: csv.body.trim().split('\r\n').length - 1 },
  { request: 'certify the decided roll (POST, new certificate)', ms: Math.round(certify.ms), found: certMembers(certify.body) },
  { request: 'certify again (POST, unchanged: the certificate with names)', ms: Math.round(again.ms), found: certMembers(again.body) },
  { request: 'read the certificate (GET, with names)', ms: Math.round(read.ms), found: certMembers(read.body) },
].map((row, i) => {
  const { commands, bytes } = [first, deep, byName, byCommonName, byReference, byStatus, csv, certify, again, read][i]!;
  return { ...row, commands, bytes };
});
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  loadAverage: loadavg()[0] ?? 0,
  backend: 'FerretDB 1.24 (PostgreSQL backend)',
  members,
  rows,
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}roll.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(
  `${resultsDir}roll.md`,
  `# Roll benchmark: the roll screen's requests on a rotation of ${members} members

Run ${report.date} on ${report.machine.cpu} (${report.machine.cpus} cores, shared: load average ${report.loadAverage.toFixed(1)}), Node ${report.machine.node}; ${report.backend}.
One intake process; the rotation uploaded as one contingent; once its outbox is published, each request timed over HTTP as the console
sends it (median of five; the CSV and the certification once). Commands and bytes are counted on one
more run of each request (the database replies' BSON size). For certification the members are cleared in
the store directly (the bench runs no screening or clearance service). Names are sealed: a name search compares blind-index keys of
whole words (collection \`candidate_search\`), then reads the matching candidates from the view.

| request | ms (median) | rows found | database commands | bytes read from the database |
|---|---|---|---|---|
${rows.map((r) => `| ${r.request} | **${r.ms}** | ${r.found} | ${r.commands} | ${kb(r.bytes)} |`).join('\n')}

Re-run: \`npm run bench:roll -w services/intake\` (10,000 members) or \`-- <members>\`.
`,
);
console.log(JSON.stringify(report));
await intake.runtime.db.dropDatabase().catch(() => undefined);
await intake.stop();
rmSync(file, { force: true });
process.exit(0);
