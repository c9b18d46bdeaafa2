/**
 * Profiling aid for the query path on OFAC size (not part of the report):
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx packages/matching/bench/profile-ofac.ts [queries]`
 */
import { buildIndex } from '../src/index';
import { parseOfacSdn } from './list-parsers';
import { speedQueries } from './speed-measure';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';

const session = new Session();
session.connect();

const entries = parseOfacSdn();
let t = performance.now();
const index = buildIndex(entries);
console.log(`built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
for (const q of speedQueries(entries, 300, 1234)) index.search(q);
const queries = speedQueries(entries, Number(process.argv[2] ?? 3000), 7);
const times: number[] = [];
if (process.env.PROFILE_OUT) {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
t = performance.now();
const cpu0 = process.cpuUsage();
for (const q of queries) {
  const s = performance.now();
  index.search(q);
  times.push(performance.now() - s);
}
const total = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
console.log(`CPU: ${Math.round(queries.length / ((cpu.user + cpu.system) / 1e6))} q/s`);
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify((await session.post('Profiler.stop')).profile));
times.sort((a, b) => a - b);
console.log(
  `${queries.length} queries: ${Math.round(queries.length / (total / 1000))} q/s, p50 ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(3)} ms`,
);
