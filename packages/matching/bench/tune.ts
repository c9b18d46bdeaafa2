/**
 * Tuning aid (not part of the report): scores the generated set with the engine only, on the
 * calibration half by default (`--report` for the other), and prints per-kind rates at the
 * recall-0.99 threshold and the worst false positives with their words.
 * `npx tsx packages/matching/bench/tune.ts [--report] [--show kind]`
 */
import { buildIndex, type ListEntry } from '../src/index';
import { buildEvalSet, droppedNegatives } from './eval-set';
import { parseUnXml } from './list-parsers';
import { at, thresholdForRecall, type Scored } from './metrics';

const half = process.argv.includes('--report') ? 'report' : 'calibrate';
const show = process.argv.includes('--show') ? process.argv[process.argv.indexOf('--show') + 1] : undefined;
const all = parseUnXml();
const entries: ListEntry[] = all.filter((e) => e.individual);
const index = buildIndex(entries, JSON.parse(process.env.MATCHING_BENCH_OPTIONS ?? '{}') as Record<string, number>);
const set = buildEvalSet(all).filter((q) => q.half === half && (!process.env.TUNE_KIND || q.kind === process.env.TUNE_KIND));
const rs = set.map((q) => {
  const hits = index.search(q.query, { limit: 50, minScore: 0.2 });
  const hit = q.positive ? hits.find((h) => h.entryId === q.targetId) : hits[0];
  return { q, positive: q.positive, score: hit?.score ?? 0, hit };
});
const t = process.env.TUNE_T ? Number(process.env.TUNE_T) : thresholdForRecall(rs as Scored[], 0.99);
const r = at(rs as Scored[], t);
console.log(`${half}: threshold for recall 0.99 = ${t}: precision ${r.precision} recall ${r.recall} fp ${r.fp} fn ${r.fn}`);
for (const th of [0.46, 0.5, 0.55, 0.6]) {
  const x = at(rs as Scored[], th);
  console.log(`  at ${th}: precision ${x.precision} recall ${x.recall} fp ${x.fp} fn ${x.fn}`);
}
for (const kind of [...new Set(rs.map((x) => x.q.kind))]) {
  const k = rs.filter((x) => x.q.kind === kind);
  console.log(
    `${k[0]!.positive ? '+' : '-'} ${kind.padEnd(50)} ${k.length} flagged ${(k.filter((x) => x.score >= t).length / k.length).toFixed(3)}`,
  );
}
const bad = rs
  .filter((x) => (x.positive ? x.score < t : x.score >= t) && (!show || x.q.kind === show))
  .sort((a, b) => (a.positive ? a.score : -a.score) - (b.positive ? b.score : -b.score));
for (const x of bad.slice(0, Number(process.env.TUNE_SHOW ?? 25))) {
  console.log(
    `${x.positive ? 'MISS' : 'FP  '} ${x.score} [${x.q.kind}] "${x.q.query.names[0]}" ${x.q.query.dateOfBirth ?? ''} → "${x.hit?.matchedName.full}" ${x.hit?.words.map((w) => `${w.query}=${w.listed}:${w.similarity}`).join(' ') ?? ''}`,
  );
}
console.log('dropped negatives', droppedNegatives);
