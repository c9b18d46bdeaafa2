/** Measures one list: index build time, memory, and query latency on one core. */
import { readFileSync } from 'node:fs';
import { buildIndex, type ListEntry, type PersonQuery } from '../src/index';
import { createPersonGenerator } from './synthetic-names';
import { pick, seededRandom } from './seeded-random';

export interface SpeedFigures {
  list: string;
  entries: number;
  names: number;
  distinctWords: number;
  buildSeconds: number;
  rssAfterBuildMiB: number;
  /** Peak RSS while the index was built (list parsed or generated, normalised, indexed), before any query. */
  peakRssBuildMiB: number;
  peakRssMiB: number;
  queries: number;
  /** From CPU time (user + system) of this process: the machine is shared, wall time is not ours alone. */
  queriesPerSecond: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  /** The same from wall-clock time, inflated when other processes compete for the cores. */
  wall: { queriesPerSecond: number; p50ms: number; p99ms: number };
  /**
   * Names per query: found by retrieval (each bounded), and aligned in full; mean, over the slowest
   * 1 % of queries, and the median and 99th percentile over all queries (load-independent figures).
   */
  work: {
    touchedMean: number;
    alignedMean: number;
    touchedSlowest1pc: number;
    alignedSlowest1pc: number;
    touchedP50: number;
    touchedP99: number;
    alignedP50: number;
    alignedP99: number;
  };
}

const mib = (b: number) => Math.round(b / 2 ** 20);

/** Peak resident set size of this process (Linux), else the current one. */
export function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss;
}

/** Half the queries are listed names with a typo or reordering, half unrelated synthetic people. */
export function speedQueries(entries: readonly ListEntry[], count: number, seed: number): PersonQuery[] {
  const rnd = seededRandom(seed);
  const people = createPersonGenerator(seededRandom(seed + 1));
  const out: PersonQuery[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const p = people();
      out.push({ names: [p.name], dateOfBirth: p.dob });
    } else {
      const e = pick(rnd, entries);
      const words = pick(rnd, e.names).full.split(/\s+/);
      const k = Math.floor(rnd() * words.length);
      const w = words[k]!;
      if (w.length > 4) words[k] = w.slice(0, 2) + w.slice(3); // one letter dropped
      if (rnd() < 0.5) words.reverse();
      out.push({ names: [words.join(' ')], dateOfBirth: e.datesOfBirth[0] });
    }
  }
  return out;
}

export function measure(list: string, entries: readonly ListEntry[], queryCount: number, log: (m: string) => void): SpeedFigures {
  const t0 = performance.now();
  const index = buildIndex(entries, { onProgress: (n) => log(`  ${list}: indexed ${n} entries`) });
  const buildSeconds = (performance.now() - t0) / 1000;
  const peakRssBuild = peakRss();
  (globalThis as { gc?: () => void }).gc?.();
  const rssAfterBuild = process.memoryUsage().rss;
  log(
    `  ${list}: index built in ${buildSeconds.toFixed(1)} s, ${index.size.names} names, ${index.size.words} distinct words, RSS ${mib(rssAfterBuild)} MiB`,
  );
  const queries = speedQueries(entries, queryCount, 7);
  // warm-up (JIT) on other queries, so that the measured ones find no cached word neighbours
  for (const q of speedQueries(entries, 300, 1234)) index.search(q);
  const cpu = new Float64Array(queries.length);
  const wall = new Float64Array(queries.length);
  const touched = new Float64Array(queries.length);
  const aligned = new Float64Array(queries.length);
  const start = performance.now();
  const startCpu = process.cpuUsage();
  queries.forEach((q, i) => {
    const [t0, a0] = [index.work.namesTouched, index.work.namesAligned];
    const c = process.cpuUsage();
    const s = performance.now();
    index.search(q);
    wall[i] = performance.now() - s;
    const d = process.cpuUsage(c);
    cpu[i] = (d.user + d.system) / 1000;
    touched[i] = index.work.namesTouched - t0;
    aligned[i] = index.work.namesAligned - a0;
    if (i > 0 && i % 2000 === 0) log(`  ${list}: ${i}/${queries.length} queries`);
  });
  const totalWall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(startCpu);
  const totalCpu = (used.user + used.system) / 1e6;
  const slowest = [...cpu.keys()].sort((a, b) => cpu[b]! - cpu[a]!).slice(0, Math.max(1, Math.round(queries.length / 100)));
  const mean = (xs: ArrayLike<number>, ids: number[]) => Math.round(ids.reduce((a, i) => a + xs[i]!, 0) / ids.length);
  const all = [...cpu.keys()];
  const percentile = (xs: Float64Array, p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  const work = {
    touchedMean: mean(touched, all),
    alignedMean: mean(aligned, all),
    touchedSlowest1pc: mean(touched, slowest),
    alignedSlowest1pc: mean(aligned, slowest),
    touchedP50: percentile(touched, 0.5),
    touchedP99: percentile(touched, 0.99),
    alignedP50: percentile(aligned, 0.5),
    alignedP99: percentile(aligned, 0.99),
  };
  cpu.sort();
  wall.sort();
  const pct = (xs: Float64Array, p: number) => Math.round(xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]! * 1000) / 1000;
  const q = (p: number) => pct(cpu, p);
  return {
    list,
    entries: index.size.entries,
    names: index.size.names,
    distinctWords: index.size.words,
    buildSeconds: Math.round(buildSeconds * 100) / 100,
    rssAfterBuildMiB: mib(rssAfterBuild),
    peakRssBuildMiB: mib(peakRssBuild),
    peakRssMiB: mib(peakRss()),
    queries: queries.length,
    queriesPerSecond: Math.round(queries.length / totalCpu),
    p50ms: q(0.5),
    p99ms: q(0.99),
    maxMs: q(1),
    wall: { queriesPerSecond: Math.round(queries.length / totalWall), p50ms: pct(wall, 0.5), p99ms: pct(wall, 0.99) },
    work,
  };
}
