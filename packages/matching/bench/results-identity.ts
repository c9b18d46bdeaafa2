/**
 * Proof that a speed change leaves results untouched, and the per-query work it costs (not part of
 * the report): runs the bench's query sets (UN and OFAC generated quality sets as the quality bench
 * searches them, OFAC speed queries, synthetic speed queries) and writes, per set, a digest of every
 * hit (entry, score, band, features, words, summary) and the work per query.
 *
 *   npx tsx packages/matching/bench/results-identity.ts write /tmp/before.json   (on the old engine)
 *   npx tsx packages/matching/bench/results-identity.ts write /tmp/after.json    (on the new one)
 *   npx tsx packages/matching/bench/results-identity.ts compare /tmp/before.json /tmp/after.json
 *
 * `compare` exits 1 and lists the queries whose hits differ. MATCHING_IDENTITY_SYNTHETIC sets the
 * synthetic list's size (default 100,000 names; 0 skips it).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildIndex, type ListEntry, type PersonQuery, type SearchOptions } from '../src/index';
import { buildEvalSet } from './eval-set';
import { parseOfacSdn, parseUnXml, type UnEntry } from './list-parsers';
import { seededRandom } from './seeded-random';
import { speedQueries } from './speed-measure';
import { syntheticList } from './synthetic-names';

interface SetResult {
  queries: number;
  digest: string;
  perQuery: string[];
  work: { touchedP50: number; touchedP99: number; alignedP50: number; alignedP99: number; cpuMsMean: number; cpuMsP99: number };
}

const sha = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 16);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

function run(label: string, entries: readonly ListEntry[], queries: PersonQuery[], options: SearchOptions): SetResult {
  const index = buildIndex(entries);
  // warm-up (JIT), on queries of another seed
  for (const q of queries.slice(0, 200)) index.search({ ...q, names: q.names.map((n) => `${n} x`) }, options);
  const perQuery: string[] = [];
  const touched: number[] = [];
  const aligned: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const [t0, a0] = [index.work.namesTouched, index.work.namesAligned];
    const c = process.cpuUsage();
    const hits = index.search(q, options);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    touched.push(index.work.namesTouched - t0);
    aligned.push(index.work.namesAligned - a0);
    perQuery.push(sha(hits));
  }
  const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  const work = {
    touchedP50: pct(touched, 0.5),
    touchedP99: pct(touched, 0.99),
    alignedP50: pct(aligned, 0.5),
    alignedP99: pct(aligned, 0.99),
    cpuMsMean: r(mean),
    cpuMsP99: r(pct(cpu, 0.99)),
  };
  console.log(`${label}: ${queries.length} queries ${JSON.stringify(work)}`);
  return { queries: queries.length, digest: sha(perQuery), perQuery, work };
}

function write(path: string): void {
  const out: Record<string, SetResult> = {};
  const un = parseUnXml();
  const unIndividuals = un.filter((e) => e.individual);
  const unQueries = buildEvalSet(un).map((q) => q.query);
  out['UN generated set, limit 50, minScore 0.3'] = run('UN generated', unIndividuals, unQueries, { limit: 50, minScore: 0.3 });
  out['UN generated set, defaults'] = run('UN generated (defaults)', unIndividuals, unQueries, {});
  const ofac = parseOfacSdn();
  const ofacIndividuals = ofac.filter((e) => e.individual);
  // sampled as the quality bench samples OFAC (quality.ts, generated-quality.ts)
  const rnd = seededRandom('OFAC SDN individuals'.length);
  const sampled = new Set(ofacIndividuals.filter(() => rnd() < 1500 / ofacIndividuals.length).map((e) => e.id));
  const ofacQueries = buildEvalSet(ofac as UnEntry[], undefined, sampled).map((q) => q.query);
  out['OFAC generated set, limit 50, minScore 0.3'] = run('OFAC generated', ofacIndividuals, ofacQueries, { limit: 50, minScore: 0.3 });
  out['OFAC generated set, defaults'] = run('OFAC generated (defaults)', ofacIndividuals, ofacQueries, {});
  out['OFAC speed queries, defaults'] = run('OFAC speed', ofac, speedQueries(ofac, 3000, 7), {});
  const size = Number(process.env.MATCHING_IDENTITY_SYNTHETIC ?? 100_000);
  if (size > 0) {
    const synthetic = syntheticList(seededRandom(42), size);
    out[`synthetic ${size} names, speed queries, defaults`] = run(`synthetic ${size}`, synthetic, speedQueries(synthetic, 1000, 7), {});
  }
  writeFileSync(path, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${path}`);
}

function compare(beforePath: string, afterPath: string): void {
  const before = JSON.parse(readFileSync(beforePath, 'utf8')) as Record<string, SetResult>;
  const after = JSON.parse(readFileSync(afterPath, 'utf8')) as Record<string, SetResult>;
  let differ = 0;
  for (const [set, b] of Object.entries(before)) {
    const a = after[set];
    if (!a) {
      console.log(`${set}: missing after`);
      differ++;
      continue;
    }
    const changed = b.perQuery.flatMap((h, i) => (a.perQuery[i] === h ? [] : [i]));
    differ += changed.length + (a.queries === b.queries ? 0 : 1);
    console.log(
      `${set}: ${b.queries} queries, ${changed.length} with other hits${changed.length ? ` (first: ${changed.slice(0, 10).join(', ')})` : ''}`,
    );
    console.log(`  work before ${JSON.stringify(b.work)}\n  work after  ${JSON.stringify(a.work)}`);
  }
  if (differ > 0) process.exitCode = 1;
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'write' && a) write(a);
else if (mode === 'compare' && a && b) compare(a, b);
else console.error('usage: results-identity.ts write <out.json> | compare <before.json> <after.json>');
