/**
 * Matching benchmark: `npx tsx packages/matching/bench/run.ts [quality|speed|all|render]`
 * (`render` rewrites matching.md from the figures in matching.json, measuring nothing).
 * Writes bench/results/matching.json and bench/results/matching.md at the repository root.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { qualityMarkdown, RECALL_TOLERANCE, recallRegressions, runQuality, type QualityResult } from './quality';
import { runSpeed, speedMarkdown } from './speed';

const mode = process.argv[2] ?? 'all';
const root = new URL('../../../', import.meta.url).pathname;
const dir = `${root}bench/results/`;
mkdirSync(dir, { recursive: true });
const jsonPath = `${dir}matching.json`;
// keep the other half's figures when only one half is re-run
const previous = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>) : {};
const render = mode === 'render';
const previousLoad = previous.loadAverage as { before: number[] } | undefined;
const loadBefore = render && previousLoad ? previousLoad.before : os.loadavg().map((x) => Math.round(x * 100) / 100);
const result: Record<string, unknown> = render
  ? previous
  : {
      ...previous,
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      date: new Date().toISOString(),
    };
if (mode === 'quality' || mode === 'all') result.quality = runQuality();
// When the previous figures came from a run that measured speed, remember when (and under what load), so a quality-only run cannot pass them off as its own.
if (!result.speedRun && previous.speed) result.speedRun = { date: previous.date, loadAverage: previous.loadAverage };
if (mode === 'speed' || mode === 'all') {
  result.speed = await runSpeed();
  result.speedRun = { date: result.date, loadAverage: { before: loadBefore, after: os.loadavg().map((x) => Math.round(x * 100) / 100) } };
}
if (!render)
  result.loadAverage = {
    before: loadBefore,
    after: os.loadavg().map((x) => Math.round(x * 100) / 100),
    note: '1, 5 and 15 minute load averages of the machine (2 cores): figures measured above a load of about 2 are inflated by other work',
  };
// The regression guard: a change that loses recall fails the run (the figures are written all the same).
if (result.quality && !render)
  result.recallGuard = {
    tolerance: RECALL_TOLERANCE,
    regressions: recallRegressions(previous.quality as QualityResult | undefined, result.quality as QualityResult),
  };
const regressions = (result.recallGuard as { regressions: string[] } | undefined)?.regressions ?? [];
for (const r of regressions) console.error(`[quality] RECALL REGRESSION: ${r}`);
if (regressions.length > 0) process.exitCode = 1;
writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# Matching benchmark',
  '',
  `Run ${result.date} on ${os.cpus()[0]?.model} (${os.cpus().length} cores; one used), Node ${process.version}. Seeded: reruns draw the same data.`,
  '',
  `Load average (1, 5, 15 min) before: ${loadBefore.join(', ')}; after: ${(result.loadAverage as { after: number[] }).after.join(', ')} (2 cores; above about 2, other work inflates the timings).`,
  '',
];
if (result.quality) md.push(qualityMarkdown(result.quality as QualityResult), '');
if (result.recallGuard)
  md.push(
    regressions.length > 0
      ? `**Recall regression guard: FAILED** (tolerance ${RECALL_TOLERANCE}): ${regressions.join('; ')}.`
      : `Recall regression guard: passed (report-half recall at the default threshold fell by no more than ${RECALL_TOLERANCE} against the previous run).`,
    '',
  );
const speedRun = result.speedRun as { date?: string; loadAverage?: { before: number[] } } | undefined;
const speedStale = speedRun?.date !== undefined && speedRun.date !== result.date;
if (result.speed && speedStale)
  md.push(
    `**Speed not re-measured in this run**: the speed and memory figures below are from the run of ${speedRun.date} (load average before: ${speedRun.loadAverage?.before.join(', ') ?? 'unknown'}): not re-measured with the code whose quality is reported above; re-run \`run.ts speed\` on a quiet machine.`,
    '',
  );
if (result.speed) md.push(speedMarkdown(result.speed as Awaited<ReturnType<typeof runSpeed>>), '');
writeFileSync(`${dir}matching.md`, `${md.join('\n')}\n`);
console.log(`wrote ${jsonPath} and ${dir}matching.md`);
