/**
 * Safety check of the index's pruning (not part of the report): runs the same queries through the
 * default index and through one that prunes nothing (every query word admits names, every name
 * found is aligned, no bound) and lists the hits the default index lost. Run it after any change to
 * retrieval, the pruning estimate or the scorer:
 * `npx tsx packages/matching/bench/pruning-check.ts [ofacQueries=2000]` (a few minutes on a quiet machine).
 * The pruning is sound (name-bounds.ts): any hit lost at or above the lower threshold is a bug.
 */
import { buildIndex, DEFAULT_THRESHOLDS, type ListEntry, type MatchingIndex, type PersonQuery, type SearchOptions } from '../src/index';
import { buildEvalSet } from './eval-set';
import { parseOfacSdn, parseUnXml } from './list-parsers';
import { speedQueries } from './speed-measure';

const NO_PRUNING = { prune: false };

interface Lost {
  query: string;
  entryId: string;
  score: number;
}

function compare(label: string, entries: readonly ListEntry[], queries: PersonQuery[], options: SearchOptions): void {
  const pruned: MatchingIndex = buildIndex(entries);
  const full: MatchingIndex = buildIndex(entries, NO_PRUNING);
  const lost: Lost[] = [];
  let reference = 0;
  let extra = 0;
  let cpuPruned = 0;
  let cpuFull = 0;
  for (const q of queries) {
    let c = process.cpuUsage();
    const got = new Map(pruned.search(q, { ...options, limit: 50 }).map((h) => [h.entryId, h.score]));
    let d = process.cpuUsage(c);
    cpuPruned += d.user + d.system;
    c = process.cpuUsage();
    const want = full.search(q, { ...options, limit: 50 });
    d = process.cpuUsage(c);
    cpuFull += d.user + d.system;
    if (got.size !== want.length) extra += Math.max(0, got.size - want.length);
    for (const h of want) {
      reference++;
      const score = got.get(h.entryId);
      // a hit counts as lost when missing or scored lower (a name of the entry left unscored)
      if (score === undefined || score < h.score - 1e-9) lost.push({ query: q.names[0] ?? '', entryId: h.entryId, score: h.score });
    }
  }
  const { upper, lower } = DEFAULT_THRESHOLDS;
  const atUpper = lost.filter((l) => l.score >= upper);
  const weak = lost.filter((l) => l.score >= lower && l.score < upper);
  console.log(
    `${label}: ${queries.length} queries, ${reference} reference hits (minScore ${options.minScore ?? lower}); lost at ≥ upper ${atUpper.length}, weak ${weak.length}, below lower ${lost.length - atUpper.length - weak.length}, extra ${extra}; CPU pruned ${(cpuPruned / 1e3 / queries.length).toFixed(3)} ms/query, unpruned ${(cpuFull / 1e3 / queries.length).toFixed(3)}`,
  );
  for (const l of [...atUpper, ...weak].slice(0, 15)) console.log(`  lost ${l.score.toFixed(3)} ${l.entryId} for "${l.query}"`);
}

// CHECK=un or CHECK=ofac runs one half
const check = process.env.CHECK ?? 'all';
if (check !== 'ofac') {
  const un = parseUnXml();
  const evalQueries = buildEvalSet(un).map((q) => q.query);
  compare(
    'UN eval set, minScore 0.3 (as the quality bench)',
    un.filter((e) => e.individual),
    evalQueries,
    { minScore: 0.3 },
  );
}
if (check !== 'un') {
  const ofac = parseOfacSdn();
  compare('OFAC speed queries, default minScore', ofac, speedQueries(ofac, Number(process.argv[2] ?? 2000), 7), {});
}
