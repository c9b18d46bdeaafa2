import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchReport {
  name: string;
  date: string;
  machine: Record<string, unknown>;
  setup: Record<string, unknown>;
  faults: { at: number; what: string }[];
  results: {
    openSeconds: number;
    drainSeconds: number;
    throughputPerSecond: number;
    checksWithResult: number;
    lost: number;
    timedOut: boolean;
    noResponseResults: number;
    duplicatedResults: number;
    failedChecks: number;
    retriedByOperator: number;
    setsCompleted: number;
    setsExpected: number;
    simulatorOutcomes: Record<string, number>;
    /** Database operations of every process (bench/count-db-ops.mjs) from start-up to the last result. */
    databaseOperations: number;
    databaseOperationsPerCheck: number;
    databaseOperationsByKind: Record<string, number>;
    /** CPU seconds FerretDB and PostgreSQL (with its backends) used during the run (bench/db-cpu.ts). */
    databaseCpuSeconds: { ferretdbSeconds: number; postgresSeconds: number };
  };
}

const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));

export async function writeReport(report: BenchReport, file = 'references') {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}${file}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const r = report.results;
  const md = `# references: ${String(report.setup.checks)} checks through BullMQ with faults

${report.date} · ${String(report.machine.cpus)} CPUs (${String(report.machine.note)})

Load average (1, 5, 15 min) at start: ${JSON.stringify(report.machine.loadAverageAtStart)}, at end: ${JSON.stringify(report.machine.loadAverageAtEnd)}, highest 1-min sample during the run: ${String(report.machine.loadAverageMaxDuringRun)}.
The figures depend heavily on that load (the machine is shared); compare runs only at similar load.

| measure | value |
|---|---|
| checks | ${String(report.setup.checks)} (${String(report.setup.candidates)} candidates × 3 record checks) |
| opening the sets (database + enqueue, batches of ${String(report.setup.openBatch)} candidates) | ${r.openSeconds.toFixed(1)} s |
| time to drain (first enqueue → last result) | ${r.drainSeconds.toFixed(1)} s |
| throughput | ${r.throughputPerSecond} checks/s |
| checks with a result | ${r.checksWithResult} |
| **lost** (no result${r.timedOut ? '; the run hit its time limit, so this counts checks still open' : ''}) | **${r.lost}** |
| results \`no-response\` (authority's callback never arrived before the answer deadline) | ${r.noResponseResults} |
| **duplicated** (more than one result) | **${r.duplicatedResults}** |
| failed at the end (need an operator) | ${r.failedChecks} |
| failed during the run, then retried by the operator | ${r.retriedByOperator} |
| sets completed (references.completed once each) | ${r.setsCompleted} / ${r.setsExpected} |
| database operations, all processes (per check) | ${r.databaseOperations} (${r.databaseOperationsPerCheck}) |
| database CPU during the run: FerretDB, PostgreSQL | ${r.databaseCpuSeconds.ferretdbSeconds} s, ${r.databaseCpuSeconds.postgresSeconds} s |

## Faults injected
${report.faults.map((f) => `- at ${(f.at / 1000).toFixed(1)} s: ${f.what}`).join('\n') || '- none'}

## Simulator outcomes (requests)
${Object.entries(r.simulatorOutcomes)
  .sort()
  .map(([k, v]) => `- ${k}: ${v}`)
  .join('\n')}

## Database operations by collection and kind
${Object.entries(r.databaseOperationsByKind)
  .map(([k, v]) => `- ${k}: ${v}`)
  .join('\n')}

## Setup
\`\`\`json
${JSON.stringify(report.setup, null, 2)}
\`\`\`

Effects are counted in the database: a result is a check revision caused by \`result:<checkId>:<round>\`
(unique), so "duplicated" counts checks with more than one such revision and "lost" checks with none.
`;
  writeFileSync(`${resultsDir}${file}.md`, md);
}
