/** Speed and memory benchmark: UN list, OFAC SDN, and one million synthetic names in a child process. */
import { spawnSync } from 'node:child_process';
import { measure, type SpeedFigures } from './speed-measure';
import { parseOfacSdn, parseUnXml } from './list-parsers';

const log = (m: string) => console.log(`[speed] ${m}`);

export async function runSpeed(): Promise<{ runs: SpeedFigures[]; notes: string[] }> {
  const runs: SpeedFigures[] = [];
  runs.push(measure('UN consolidated (individuals + entities)', parseUnXml(), 5000, log));
  runs.push(measure('OFAC SDN 2021 (sdn + alt)', parseOfacSdn(), 10000, log));
  const size = Number(process.env.MATCHING_BENCH_SYNTHETIC ?? 1_000_000);
  log(`starting the ${size}-name run in a child process (--max-old-space-size=3072)`);
  const child = spawnSync(process.execPath, ['--max-old-space-size=3072', '--expose-gc', '--import', 'tsx', new URL('./speed-child.ts', import.meta.url).pathname, String(size)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const last = child.stdout.trim().split('\n').at(-1);
  if (child.status === 0 && last) runs.push(JSON.parse(last) as SpeedFigures);
  else log(`child failed: status ${child.status}, signal ${child.signal}, error ${child.error?.message ?? 'none'}, stdout ${child.stdout.slice(-300)}`);
  return { runs, notes: [`Node ${process.version}; one process, one core; latency per query measured around index.search (normalisation, retrieval, scoring, explanations).`] };
}

export function speedMarkdown(s: { runs: SpeedFigures[]; notes: string[] }): string {
  return [
    '## Speed and memory (one core)',
    'Targets: OFAC size p99 ≤ 2 ms and ≥ 2,000 queries/s; one million names p99 ≤ 50 ms and ≤ 2 GB RSS.',
    '',
    'Latency and queries/s from the CPU time of the process (the machine is shared with other work; wall-clock figures in the last columns).',
    '',
    '| list | entries | names | distinct words | build (s) | RSS after build (MiB) | peak RSS (MiB) | queries | queries/s (CPU) | p50 ms (CPU) | p99 ms (CPU) | max ms (CPU) | queries/s (wall) | p50 ms (wall) | p99 ms (wall) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...s.runs.map((r) => `| ${r.list} | ${r.entries} | ${r.names} | ${r.distinctWords} | ${r.buildSeconds} | ${r.rssAfterBuildMiB} | ${r.peakRssMiB} | ${r.queries} | ${r.queriesPerSecond} | ${r.p50ms} | ${r.p99ms} | ${r.maxMs} | ${r.wall.queriesPerSecond} | ${r.wall.p50ms} | ${r.wall.p99ms} |`),
    '',
    ...s.notes,
  ].join('\n');
}
