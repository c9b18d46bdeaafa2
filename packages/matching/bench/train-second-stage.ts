/**
 * Trains the second stage (src/score/second-stage.ts) on the CALIBRATION halves of the generated UN
 * and OFAC sets only, and writes its coefficients to src/score/second-stage-model.json.
 * `npx tsx packages/matching/bench/train-second-stage.ts [--dry]`
 *
 * Samples: every hit in the band whose first-stage score is at or above the upper threshold minus
 * a margin: the target entry of a true variant (label 1) and any entry a hard negative raises
 * (label 0). Other entries a true variant raises are left out (they may be namesakes). The model is
 * a plain logistic regression (L2, batch gradient descent) on the features of second-stage-features.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildIndex, DEFAULT_THRESHOLDS, type ListEntry } from '../src/index';
import { FEATURE_NAMES, judgeable, SECOND_STAGE, vectorOf, type SecondStageModel } from '../src/score/second-stage';
import { pairFeatures } from '../src/score/second-stage-features';
import { buildEvalSet } from './eval-set';
import { firstStagePair } from './first-stage-pair';
import { parseOfacSdn, parseUnXml, type UnEntry } from './list-parsers';
import { seededRandom } from './seeded-random';

/** The scored pair as the scorer saw it (features are recomputed from it, so the cache survives changes to them). */
interface Sample {
  pair: Parameters<typeof pairFeatures>;
  y: 0 | 1;
  score: number;
  query: string;
  listed: string;
  list: string;
}

function samples(label: string, all: UnEntry[], sample?: number): Sample[] {
  const entries: ListEntry[] = all.filter((e) => e.individual);
  const index = buildIndex(entries);
  const byId = new Map(entries.map((e) => [e.id, e]));
  // the same sampling as generated-quality.ts, so the halves are the bench's halves
  const rnd = seededRandom(label.length);
  const sampled = sample && sample < entries.length ? entries.filter(() => rnd() < sample / entries.length) : undefined;
  const set = buildEvalSet(all, undefined, sampled && new Set(sampled.map((e) => e.id))).filter((q) => q.half === 'calibrate');
  const out: Sample[] = [];
  for (const q of set) {
    const hits = index.search(q.query, { limit: 50, minScore: SECOND_STAGE.band.from });
    for (const h of hits) {
      if (q.positive && h.entryId !== q.targetId) continue;
      const scored = firstStagePair(index, q.query, byId.get(h.entryId)!);
      if (!scored?.pair || scored.decisive) continue;
      const pair = scored.pair;
      out.push({
        pair,
        y: q.positive ? 1 : 0,
        score: scored.score,
        query: q.query.names[0]!,
        listed: scored.listedName ?? '',
        list: label,
      });
    }
  }
  return out;
}

type Row = Sample & { x: number[]; f: ReturnType<typeof pairFeatures> };
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: number[], x: number[]) => x.reduce((s, v, i) => s + v * w[i + 1]!, w[0]!);

function fit(data: Row[], l2 = 0.01, steps = 6000, rate = 0.5): number[] {
  const d = data[0]!.x.length;
  const w = new Array<number>(d + 1).fill(0);
  // negatives are rarer in the band than positives: weigh classes equally
  const pos = data.filter((s) => s.y === 1).length;
  const cw = { 1: data.length / (2 * pos), 0: data.length / (2 * (data.length - pos)) };
  for (let t = 0; t < steps; t++) {
    const g = new Array<number>(d + 1).fill(0);
    for (const s of data) {
      const e = (sigmoid(dot(w, s.x)) - s.y) * cw[s.y];
      g[0]! += e;
      s.x.forEach((v, i) => (g[i + 1]! += e * v));
    }
    for (let i = 0; i <= d; i++) w[i]! -= rate * (g[i]! / data.length + (i > 0 ? l2 * w[i]! : 0));
  }
  return w.map((v) => Math.round(v * 1000) / 1000);
}

const upper = DEFAULT_THRESHOLDS.upper;
// SAMPLES_CACHE=file keeps the samples between runs while features are explored
const cache = process.env.SAMPLES_CACHE;
const collected: Sample[] =
  cache && existsSync(cache)
    ? (JSON.parse(readFileSync(cache, 'utf8')) as Sample[])
    : [
        ...samples('UN consolidated list', parseUnXml()),
        ...samples('OFAC SDN individuals', parseOfacSdn(), Number(process.env.MATCHING_BENCH_OFAC_SAMPLE ?? 1500)),
      ];
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(collected));
const data = collected
  .map((s) => ({ ...s, f: pairFeatures(...s.pair) }))
  .map((s) => ({ ...s, x: vectorOf(s.f) }))
  .filter((s) => judgeable(s.f) && s.score >= upper - 0.05 && s.score < SECOND_STAGE.band.to);
console.log(
  `samples in band: ${data.length} (${data.filter((s) => s.y === 1).length} true, ${data.filter((s) => s.y === 0).length} false)`,
);
const w = fit(data);
console.log('coefficients', Object.fromEntries([['intercept', w[0]], ...FEATURE_NAMES.map((n, i) => [n, w[i + 1]])]));
// the cut: the lowest probability any true variant of the calibration halves got at or above upper, rounded down
const lowestTrue = Math.min(...data.filter((s) => s.y === 1 && s.score >= upper).map((s) => sigmoid(dot(w, s.x))));
const cut = Math.floor(lowestTrue * 100) / 100;
for (const c of [cut, lowestTrue, 0.1, 0.2, 0.3, 0.4, 0.5]) {
  const dem = (s: Row) => s.score >= upper && sigmoid(dot(w, s.x)) < c;
  console.log(
    `cut ${c.toFixed(3)}: demotes ${data.filter((s) => s.y === 0 && dem(s)).length} false and ${data.filter((s) => s.y === 1 && dem(s)).length} true of ${data.filter((s) => s.score >= upper).length} hits at or above upper`,
  );
}
for (const s of data
  .filter((s) => s.score >= upper)
  .sort((a, b) => sigmoid(dot(w, a.x)) - sigmoid(dot(w, b.x)))
  .slice(0, Number(process.env.SHOW ?? 40))) {
  console.log(
    `${s.y ? 'TRUE ' : 'false'} p=${sigmoid(dot(w, s.x)).toFixed(3)} ${s.score.toFixed(3)} "${s.query}" → "${s.listed}" [${s.x.map((v) => v.toFixed(2)).join(' ')}]`,
  );
}
const model: SecondStageModel = {
  ...SECOND_STAGE,
  intercept: w[0]!,
  coefficients: Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, w[i + 1]!])) as SecondStageModel['coefficients'],
  cut,
};
if (!process.argv.includes('--dry'))
  writeFileSync(new URL('../src/score/second-stage-model.json', import.meta.url), `${JSON.stringify(model, null, 2)}\n`);
