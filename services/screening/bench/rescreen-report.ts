import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

const resultsDir = new URL('../../../bench/results/', import.meta.url);

/** Writes bench/results/rescreen.json and rescreen.md at the repository root. */
export async function writeResults(r: {
  candidates: number;
  batchSize: number;
  lists: Record<string, number>;
  diff: { added: number; removed: number; changed: number };
  seedMs: number;
  rescreen: { ms: number; readMs: number; processed: number; changed: number; batches: number; mode: string; subjectRevisionsWithEvents: number; perSecond: number; peakRssMb: number };
  fullMode: { sample: number; perCandidateMs: number; estimatedMsForAll: number };
  database: string;
}) {
  mkdirSync(resultsDir, { recursive: true });
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 1e9), node: process.version };
  const target = 60_000;
  const result = { name: 'rescreen', at: new Date().toISOString(), machine, targetMs: target, met: r.rescreen.ms <= target, ...r };
  writeFileSync(new URL('rescreen.json', resultsDir), `${JSON.stringify(result, null, 2)}\n`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const md = `# Re-screening benchmark

${r.candidates.toLocaleString('en')} candidates already screened against the UN list (${r.lists.un} individuals) and OFAC SDN
(${r.lists.ofacV1}); then OFAC v2 is published (${r.diff.removed} removed, ${r.diff.added} added, ${r.diff.changed} changed) and the
service's re-screening worker runs against the real database (${r.database}), batches of ${r.batchSize}.
Machine: ${machine.cpus} cores (${machine.cpuModel}, shared with other work), ${machine.memoryGb} GB, Node ${machine.node}.
Run: \`npx tsx services/screening/bench/rescreen.bench.ts\` (${result.at}).

| measure | value |
|---|---|
| re-screening ${r.candidates.toLocaleString('en')} candidates (${r.rescreen.mode} mode) | **${s(r.rescreen.ms)}** (target ≤ 60 s: ${result.met ? 'met' : 'missed'}) |
| of which reading subject batches from the database | ${s(r.rescreen.readMs)} |
| throughput | ${r.rescreen.perSecond.toLocaleString('en')} candidates/s |
| outcomes changed (new screening.completed) | ${r.rescreen.changed} (${r.rescreen.subjectRevisionsWithEvents} subject revisions with events) |
| batches persisted (resumable cursor) | ${r.rescreen.batches} |
| peak RSS of the worker process | ${r.rescreen.peakRssMb} MB |
| full mode (everyone against the whole OFAC list), engine time per candidate | ${r.fullMode.perCandidateMs} ms (sample of ${r.fullMode.sample}) |
| full mode, estimated for all candidates | ${s(r.fullMode.estimatedMsForAll)} |
| seeding (not measured work) | ${s(r.seedMs)} |

Delta mode: people with no hit and no weak hit on the changed list are searched only against the
entries the version added or changed (scored with the whole list's word statistics, so scores equal
a full search); people with any hit or weak hit on the list are re-scored against the whole list.
Full mode is used for a first version, when a change touches more than RESCREEN_DELTA_LIMIT of the
list, or when RESCREEN_MODE=full; its time is bounded by the matching engine's query rate.
`;
  writeFileSync(new URL('rescreen.md', resultsDir), md);
}
