import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('../../../../bench/results/', import.meta.url));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface BenchRow {
  metric: string;
  value: number | string;
  unit: string;
  target?: string;
  met?: boolean;
}

/** Writes bench/results/<name>.json and .md: the figures, the targets, and the machine they ran on. */
export function writeBenchReport(
  name: string,
  title: string,
  rows: BenchRow[],
  details: Record<string, unknown> = {},
  notes: string[] = [],
): void {
  mkdirSync(resultsDir, { recursive: true });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const at = new Date().toISOString();
  writeFileSync(`${resultsDir}${name}.json`, `${JSON.stringify({ name, title, at, machine, rows, details }, null, 2)}\n`);
  const table = rows.map(
    (r) =>
      `| ${r.metric} | ${typeof r.value === 'number' ? Number(r.value.toFixed(2)) : r.value} ${r.unit} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : '**missed**'} |`,
  );
  const md = [
    `# ${title}`,
    '',
    `Run ${at} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    '',
    '| metric | value | target | |',
    '|---|---|---|---|',
    ...table,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(`${resultsDir}${name}.md`, md);
}
