/**
 * `npm run bench:intake`: a contingent of 1,000, 5,000 and 10,000 rows uploaded to intake (validated,
 * stored, every candidate.submitted published) against the real Kafka and FerretDB. Each size runs in
 * its own process so its memory is measured alone. Writes bench/results/intake.json and .md.
 * Sizes can be given: `npm run bench:intake -- 1000 10000`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const TARGET_MS = 10_000;

interface Run {
  rows: number;
  fileBytes: number;
  stored: number;
  receiveAndValidateMs: number;
  storeMs: number;
  publishMs: number;
  totalMs: number;
  rssBaselineMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
  heapRetainedMiB: number;
  loadAverageBefore: number;
}

function writeResults() {
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
  const largest = runs.at(-1);
  const report = {
    machine,
    date: new Date().toISOString(),
    backend: 'FerretDB 1.24 (PostgreSQL backend), Kafka 3.9 KRaft, single node',
    targetMs: TARGET_MS,
    runs,
    metTarget: largest ? largest.totalMs <= TARGET_MS : false,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}intake.json`, `${JSON.stringify(report, null, 2)}\n`);
  const rowsMd = runs.map(
    (r) =>
      `| ${r.rows} | ${(r.fileBytes / 2 ** 20).toFixed(2)} MiB | ${r.stored} | ${r.receiveAndValidateMs} | ${r.storeMs} | ${r.publishMs} | **${r.totalMs}** | ${r.rssBaselineMiB} → ${r.rssPeakMiB} (+${r.rssGrowthMiB}) | ${r.heapRetainedMiB} | ${r.loadAverageBefore} |`,
  );
  writeFileSync(
    `${resultsDir}intake.md`,
    `# Intake benchmark: a contingent upload

Run ${report.date} on ${machine.cpu} (${machine.cpus} cores, shared with other work: see the load average), Node ${machine.node}; ${report.backend}.
Each size: a fresh intake process and database; the CSV is streamed over HTTP (\`POST /uploads?mode=all-or-nothing\`),
then timed until every row is stored as a candidate and every \`candidate.submitted\` event is published.
Target for 10,000 rows: ≤ ${TARGET_MS / 1000} s (${report.metTarget ? 'met' : 'not met on this run'}). Memory must not grow with the file size.

| rows | file | stored | receive + validate (ms) | store (ms) | publish (ms) | total (ms) | RSS MiB (baseline → peak) | heap retained after GC (MiB) | load average at start |
|---|---|---|---|---|---|---|---|---|---|
${rowsMd.join('\n')}

Receive + validate streams the file and keeps valid rows in 500-row chunks (sealed, one database write each);
store is a pipeline per chunk: read the next chunk while planning this one (dedupe in memory, in row order),
claim the new rows' blind-indexed dedupe keys (one claim document per person, one insert per chunk) while
sealing the chunk's people under their own data keys (one insert of keys), then insert the candidates
(packed revisions and view rows, one \`insertMany\` each) and publish their \`candidate.submitted\` events;
three chunks in flight. Publish is what is left to publish after the last chunk is recorded (normally nothing).
Peak RSS includes garbage V8 has not yet
collected; "heap retained" is the live heap after a forced GC at the end minus the one at the start, the
measure of memory held for the file's size. Re-run: \`npm run bench:intake\` (root) or
\`npm run bench:intake -w services/intake\`.
`,
  );
  console.log(`wrote ${resultsDir}intake.json and intake.md`);
}

const runs: Run[] = [];
for (const rows of sizes.length ? sizes : [1000, 5000, 10000]) {
  const loadAverageBefore = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', `${here}intake-run.ts`, String(rows)], {
    encoding: 'utf8',
    maxBuffer: 10 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const run = { ...(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Omit<Run, 'loadAverageBefore'>), loadAverageBefore };
  console.log(JSON.stringify(run));
  runs.push(run);
  writeResults(); // after each size, so a long run still leaves the sizes it finished
}
