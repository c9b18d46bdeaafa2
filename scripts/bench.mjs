#!/usr/bin/env node
// `npm run bench [name...]`: runs the benchmarks against the real infrastructure; each writes
// bench/results/<name>.json and .md. Without names it runs them all, then writes bench/results/README.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/lib/config.mjs';
import { ensureNodeDependencies, runOrThrow } from './lib/install.mjs';

/** name → [workspace, script]. A benchmark whose workspace lacks the script is reported as absent. */
const BENCHES = {
  kafka: ['packages/platform', 'bench'],
  slice: ['tests', 'bench:slice'],
  pipeline: ['tests', 'bench:pipeline'],
  matching: ['packages/matching', 'bench'],
  intake: ['services/intake', 'bench:intake'],
  roll: ['services/intake', 'bench:roll'],
  references: ['services/references', 'bench:references'],
  'reference-planning': ['services/references', 'bench:planning'],
  rescreen: ['services/screening', 'bench:rescreen'],
  bundle: ['services/screening', 'bench:bundle'],
  audit: ['services/audit', 'bench:audit'],
  disclosures: ['services/accountability', 'bench:disclosures'],
  clearance: ['services/clearance', 'bench'],
  console: ['services/gateway/console', 'bench'],
  walkthrough: ['tests', 'bench:walkthrough'],
};

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BENCHES);
ensureNodeDependencies();
runOrThrow(process.execPath, ['scripts/infra.mjs', 'up']);
const outcome = {};
for (const name of wanted) {
  const [workspace, script] = BENCHES[name] ?? [];
  if (!workspace) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, workspace, 'package.json'), 'utf8'));
  if (!pkg.scripts?.[script]) {
    outcome[name] = 'not available yet';
    continue;
  }
  console.log(`\n▶ bench ${name}`);
  // Run inside the workspace: `-w tests` would also select the workspaces nested under it (tests/simulators).
  const res = spawnSync('npm', ['run', script], { cwd: join(REPO_ROOT, workspace), stdio: 'inherit' });
  outcome[name] = res.status === 0 ? 'ok' : `failed (exit ${res.status})`;
}

const index = Object.keys(BENCHES)
  .map(
    (name) =>
      `- **${name}**: ${existsSync(join(REPO_ROOT, 'bench/results', `${name === 'kafka' ? 'kafka-roundtrip' : name}.md`)) ? `[report](${name === 'kafka' ? 'kafka-roundtrip' : name}.md)` : 'no report yet'}${outcome[name] ? ` (this run: ${outcome[name]})` : ''}`,
  )
  .join('\n');
// Long runs `npm run bench` does not start (tens of minutes each); listed when their reports exist.
const LONG_RUNS = {
  'contingent-decided': '10,000 rows from upload to a certified roll (`cd tests && npx tsx bench/contingent-decided.bench.ts`)',
  'fault-run-5000': 'fault run, 5,000 candidates (`npm run test:fault`)',
  'fault-run-1000': 'fault run, 1,000 candidates',
  'pipeline-cost-steps': 'database commands per candidate, step by step (pipeline bench at small sizes)',
};
const longRuns = Object.entries(LONG_RUNS)
  .filter(([file]) => existsSync(join(REPO_ROOT, 'bench/results', `${file}.md`)))
  .map(([file, what]) => `- ${what}: [report](${file}.md)`)
  .join('\n');
writeFileSync(
  join(REPO_ROOT, 'bench/results/README.md'),
  `# Benchmark results\n\nWritten by \`npm run bench\` on the machine it ran on. Each report names its targets.\n\n${index}\n${longRuns ? `\nLong runs (not started by \`npm run bench\`):\n${longRuns}\n` : ''}`,
);
console.log(`\n${JSON.stringify(outcome)}`);
if (Object.values(outcome).some((o) => o.startsWith('failed'))) process.exit(1);
