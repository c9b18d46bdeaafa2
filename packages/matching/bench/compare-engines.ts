/**
 * Speed of two engines side by side in one process (not part of the report): on a shared machine the
 * load moves from minute to minute, so two runs one after the other cannot be compared. Both engines
 * index the same list and answer the same speed queries, each query on both in alternating order,
 * each search timed by its own CPU time; load affects both alike.
 *
 *   npx tsx packages/matching/bench/compare-engines.ts <other engine's src dir> [ofac|un|<synthetic size>] [queries]
 *
 * e.g. `/work/main/packages/matching/src` (any checkout with its node_modules installed). Hits are not
 * compared here: bench/results-identity.ts does that.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIndex, type ListEntry, type PersonQuery } from '../src/index';
import { parseOfacSdn, parseUnXml } from './list-parsers';
import { seededRandom } from './seeded-random';
import { speedQueries } from './speed-measure';
import { syntheticList } from './synthetic-names';

type Build = typeof buildIndex;
type Index = ReturnType<Build>;

function summary(cpuMs: number[]): string {
  const sorted = [...cpuMs].sort((a, b) => a - b);
  const total = cpuMs.reduce((a, b) => a + b, 0);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(3);
  return `${Math.round(cpuMs.length / (total / 1000))} queries/s (CPU), p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`;
}

function timed(index: Index, query: PersonQuery, out: number[]): void {
  const c = process.cpuUsage();
  index.search(query);
  const d = process.cpuUsage(c);
  out.push((d.user + d.system) / 1000);
}

const [otherDir, list = 'ofac', count = '3000'] = process.argv.slice(2);
if (!otherDir) {
  console.error('usage: compare-engines.ts <other engine src dir> [ofac|un|<synthetic size>] [queries]');
  process.exit(2);
}
const other = (await import(pathToFileURL(resolve(otherDir, 'index.ts')).href)) as { buildIndex: Build };
const entries: readonly ListEntry[] =
  list === 'ofac' ? parseOfacSdn() : list === 'un' ? parseUnXml() : syntheticList(seededRandom(42), Number(list));
const engines: [string, Index][] = [
  ['other', other.buildIndex(entries)],
  ['this', buildIndex(entries)],
];
// warm-up (JIT) on queries of another seed, as the speed bench does
for (const q of speedQueries(entries, 300, 1234)) for (const [, index] of engines) index.search(q);
const times = engines.map((): number[] => []);
speedQueries(entries, Number(count), 7).forEach((q, i) => {
  const order = i % 2 === 0 ? [0, 1] : [1, 0];
  for (const k of order) timed(engines[k]![1], q, times[k]!);
});
engines.forEach(([name, index], k) => {
  const w = index.work;
  console.log(
    `${name} (${k === 0 ? otherDir : 'this checkout'}): ${summary(times[k]!)}; names touched ${Math.round(w.namesTouched / w.searches)}, aligned ${(w.namesAligned / w.searches).toFixed(1)} per search`,
  );
});
