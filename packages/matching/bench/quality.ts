/**
 * Quality benchmark: the generated evaluation set (calibrate on one half, report on the other),
 * the nomenklatura name-bench cases (hand-written and LLM-made rows apart), and the Arabic and
 * Russian transliteration pairs. The engine and the Jaro-Winkler baseline run on the same data.
 */
import { readFileSync } from 'node:fs';
import { buildIndex, scorePair, DEFAULT_THRESHOLDS, MIN_WORD_SIMILARITY, type ListEntry, type Thresholds } from '../src/index';
import { buildEvalSet, droppedNegatives, type EvalQuery } from './eval-set';
import { baselineBest, baselineFold, baselineScore, buildBaseline } from './jaro-winkler-baseline';
import { DATA_DIR, parseCsv, parseUnXml } from './list-parsers';
import { at, curve, curveTable, thresholdForRecall, type Scored } from './metrics';
import { seededRandom } from './seeded-random';
import { jaroWinkler } from '../src/index';

const log = (m: string) => console.log(`[quality] ${m}`);

interface QueryResult extends Scored {
  q: EvalQuery;
  baseline: number;
  extraHits: number;
}

export function runQuality() {
  const all = parseUnXml();
  const entries: ListEntry[] = all.filter((e) => e.individual);
  log(`UN list: ${entries.length} individuals, ${entries.reduce((a, e) => a + e.names.length, 0)} names (original-script names held out as queries)`);
  // MATCHING_BENCH_OPTIONS='{"conflictPenalty":1.5}' tries other scoring options (tune on the calibration half only)
  const index = buildIndex(entries, JSON.parse(process.env.MATCHING_BENCH_OPTIONS ?? '{}') as Record<string, number>);
  const baseline = buildBaseline(entries);
  const byId = new Map(entries.map((e, i) => [e.id, i]));
  const set = buildEvalSet(all);
  log(`evaluation set: ${set.length} queries (${set.filter((q) => q.positive).length} true variants, ${set.filter((q) => !q.positive).length} hard negatives)`);
  const results: QueryResult[] = [];
  // MATCHING_BENCH_QUICK=1 skips the brute-force baseline (for tuning runs; the report needs it)
  const quick = process.env.MATCHING_BENCH_QUICK === '1';
  const t0 = performance.now();
  for (const [k, q] of set.entries()) {
    if (k % 1000 === 0) log(`  scored ${k}/${set.length} (engine + brute-force baseline)`);
    const hits = index.search(q.query, { limit: 50, minScore: 0.3 });
    const name = q.query.names[0]!;
    if (q.positive) {
      const hit = hits.find((h) => h.entryId === q.targetId);
      results.push({ q, positive: true, score: hit?.score ?? 0, baseline: quick ? 0 : baselineScore(baseline, byId.get(q.targetId!)!, name), extraHits: hits.filter((h) => h.entryId !== q.targetId && h.band !== 'clear').length });
    } else {
      results.push({ q, positive: false, score: hits[0]?.score ?? 0, baseline: quick ? 0 : baselineBest(baseline, name), extraHits: 0 });
    }
  }
  log(`scored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const cal = results.filter((r) => r.q.half === 'calibrate');
  const rep = results.filter((r) => r.q.half === 'report');
  // Upper: the highest threshold keeping recall ≥ 0.99 on the calibration half (or, when a few
  // variants are never found at all, within 0.002 of the best recall reachable above 0.3).
  const reachable = at(cal, 0.3).recall;
  const recallTarget = Math.min(0.99, reachable - 0.002);
  // ...but above the single-word cap: one shared word never raises a review, by design.
  const upper = Math.max(thresholdForRecall(cal, recallTarget), 0.46);
  const lower = Math.round((upper - 0.15) * 1000) / 1000;
  const baseCal = cal.map((r) => ({ positive: r.positive, score: r.baseline }));
  const baseRep = rep.map((r) => ({ positive: r.positive, score: r.baseline }));
  const baseUpper = thresholdForRecall(baseCal, 0.99);
  const defaults: Thresholds = DEFAULT_THRESHOLDS;
  const kinds = [...new Set(rep.map((r) => r.q.kind))];
  const perKind = kinds.map((kind) => {
    const rs = rep.filter((r) => r.q.kind === kind);
    const positive = rs[0]!.positive;
    const flagged = (t: number, f: (r: QueryResult) => number) => rs.filter((r) => f(r) >= t).length / rs.length;
    return { kind, positive, n: rs.length, engineFlagged: round(flagged(defaults.upper, (r) => r.score)), baselineFlagged: round(flagged(baseUpper, (r) => r.baseline)) };
  });
  const generated = {
    queries: set.length,
    droppedNegatives: { ...droppedNegatives },
    calibrate: { n: cal.length, atRecommendedUpper: at(cal, upper), recallTarget: round(recallTarget), recommendedUpper: upper, recommendedLower: lower, baselineUpperForRecall099: baseUpper },
    report: {
      n: rep.length,
      atDefaultUpper: at(rep, defaults.upper),
      atDefaultLower: at(rep, defaults.lower),
      atCalibratedUpper: at(rep, upper),
      baselineAtItsCalibratedThreshold: at(baseRep, baseUpper),
      extraReviewHitsPerPositive: round(rep.filter((r) => r.positive).reduce((a, r) => a + r.extraHits, 0) / rep.filter((r) => r.positive).length),
    },
    curve: curve(rep, 0.3, 0.95, 0.025),
    baselineCurve: curve(baseRep, 0.6, 1, 0.025),
    perKind,
    missedExamples: rep.filter((r) => r.positive && r.score < defaults.upper).slice(0, 15).map((r) => ({ kind: r.q.kind, query: r.q.query.names[0], target: entries[byId.get(r.q.targetId!)!]!.names[0]!.full, score: r.score })),
    falsePositiveExamples: rep.filter((r) => !r.positive && r.score >= defaults.upper).slice(0, 15).map((r) => ({ kind: r.q.kind, query: r.q.query.names[0], dob: r.q.query.dateOfBirth, hit: index.search(r.q.query, { limit: 1 })[0]?.matchedName.full, score: r.score })),
  };
  return { generated, nomenklatura: runNomenklatura(index.statistics, defaults), transliteration: runTransliteration(defaults), thresholds: defaults };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** The quality target on the report half at the default upper threshold; when missed, where the misses and false positives lie. */
function qualityTarget(g: ReturnType<typeof runQuality>['generated']): string {
  const r = g.report.atDefaultUpper;
  const met = r.recall >= 0.99 && r.precision >= 0.95;
  const head = `**Target (issue B): recall ≥ 0.99 at precision ≥ 0.95 on the report half, default upper threshold: ${met ? 'met' : 'missed'}** (recall ${r.recall.toFixed(4)}, precision ${r.precision.toFixed(4)}).`;
  if (met) return head;
  const weak = g.perKind.filter((k) => k.positive && k.engineFlagged < 0.99).map((k) => `${k.kind} ${k.engineFlagged}`);
  const noisy = g.perKind.filter((k) => !k.positive && k.engineFlagged > 0.02).map((k) => `${k.kind} ${k.engineFlagged}`);
  return `${head} What limits it: ${r.fn} true variants score under the threshold (kinds below 0.99: ${weak.join(', ') || 'none'}) and ${r.fp} negatives reach it (kinds flagged above 2 %: ${noisy.join(', ') || 'none'}); examples of both are listed below.`;
}

function runNomenklatura(statistics: Parameters<typeof scorePair>[2] extends infer O ? (O extends { statistics?: infer S } ? S : never) : never, t: Thresholds) {
  const rows = parseCsv(readFileSync(`${DATA_DIR}name_variants/nomenklatura_name_bench_cases.csv`, 'utf8')).slice(1);
  const scored = rows.map(([group, schema, n1, n2, isMatch, , category]) => {
    const entry: ListEntry = { id: 'x', names: [{ full: n2!, kind: 'primary' }], datesOfBirth: [], nationalities: [], documents: [], serviceNumbers: [] };
    return {
      group: group!, schema: schema!, category: category ?? '', positive: isMatch === 'true',
      score: scorePair({ names: [n1!] }, entry, { statistics }).score,
      baseline: jaroWinkler(baselineFold(n1!), baselineFold(n2!)),
      n1, n2,
    };
  });
  const llm = scored.filter((r) => r.category === 'LLM-proposed deviation');
  const hand = scored.filter((r) => r.category !== 'LLM-proposed deviation');
  const report = (rs: typeof scored) => ({
    n: rs.length,
    positives: rs.filter((r) => r.positive).length,
    engine: at(rs, t.upper),
    engineAtLower: at(rs, t.lower),
    baselineAt090: at(rs.map((r) => ({ positive: r.positive, score: r.baseline })), 0.9),
  });
  return {
    handWritten: report(hand),
    handWrittenPersons: report(hand.filter((r) => r.schema === 'Person')),
    llmMade: report(llm),
    llmMadePersons: report(llm.filter((r) => r.schema === 'Person')),
    handWrittenErrors: hand.filter((r) => r.positive !== r.score >= t.upper).slice(0, 25).map((r) => `${r.positive ? 'missed' : 'false hit'} ${r.score.toFixed(2)}: ${r.n1} / ${r.n2} (${r.schema})`),
  };
}

function runTransliteration(t: Thresholds) {
  const out: Record<string, unknown> = {};
  for (const lang of ['arabic', 'russian']) {
    const rnd = seededRandom(lang.length);
    const lines = readFileSync(`${DATA_DIR}name_variants/netranslit_wd_${lang}_20.tsv`, 'utf8').trim().split('\n');
    const pairs = lines.map((l) => l.split('\t')).filter((p) => p[0] && p[1]).map((p) => [p[0]!, p[1]!.replace(/ /g, '')] as const);
    const sample = Array.from({ length: Math.min(3000, pairs.length) }, () => pairs[Math.floor(rnd() * pairs.length)]!);
    const one = (full: string): ListEntry => ({ id: 'x', names: [{ full, kind: 'primary' }], datesOfBirth: [], nationalities: [], documents: [], serviceNumbers: [] });
    const scored: (Scored & { baseline: number })[] = [];
    for (const [latin, script] of sample) {
      scored.push({ positive: true, score: scorePair({ names: [script] }, one(latin)).score, baseline: jaroWinkler(baselineFold(script), baselineFold(latin)) });
      const [other] = pairs[Math.floor(rnd() * pairs.length)]!;
      if (other.toLowerCase() === latin.toLowerCase()) continue;
      scored.push({ positive: false, score: scorePair({ names: [script] }, one(other)).score, baseline: jaroWinkler(baselineFold(script), baselineFold(other)) });
    }
    out[lang] = {
      pairs: sample.length,
      note: 'single name parts (Wikidata); negatives pair the script form with a random other Latin token',
      wordMatch: at(scored, MIN_WORD_SIMILARITY),
      atUpper: at(scored, t.upper),
      baselineAtUpper: at(scored.map((s) => ({ positive: s.positive, score: s.baseline })), t.upper),
    };
  }
  return out;
}

export function qualityMarkdown(q: ReturnType<typeof runQuality>): string {
  const g = q.generated;
  const row = (label: string, r: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
    `| ${label} | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${r.tp} | ${r.fp} | ${r.fn} |`;
  const head = '| | precision | recall | F1 | TP | FP | FN |\n|---|---|---|---|---|---|---|';
  const nk = q.nomenklatura;
  const tr = q.transliteration as Record<string, { pairs: number; wordMatch: Parameters<typeof row>[1]; atUpper: Parameters<typeof row>[1]; baselineAtUpper: Parameters<typeof row>[1] }>;
  return [
    '## Quality',
    `Thresholds in force (DEFAULT_THRESHOLDS): upper ${q.thresholds.upper}, lower ${q.thresholds.lower}.`,
    '',
    `### Generated set (UN list, ${g.queries} queries; calibrated on ${g.calibrate.n}, reported on ${g.report.n})`,
    `Negatives dropped by the generator because they are indistinguishable from a true variant (one of the entry's own aliases with a word added or dropped, or a namesake of another listed person: every word of the shorter name has a close counterpart in the other): ${Object.entries(g.droppedNegatives ?? {}).map(([k, n]) => `${k} ${n}`).join('; ')}.`,
    '',
    `Calibration half recommends upper = ${g.calibrate.recommendedUpper} (the highest threshold with recall ≥ ${g.calibrate.recallTarget} there), lower = ${g.calibrate.recommendedLower} (upper − 0.15).`,
    '',
    head,
    row(`engine, default upper ${q.thresholds.upper}`, g.report.atDefaultUpper),
    row(`engine, default lower ${q.thresholds.lower} (weak or above)`, g.report.atDefaultLower),
    row(`engine, calibrated upper ${g.calibrate.recommendedUpper}`, g.report.atCalibratedUpper),
    row(`Jaro-Winkler baseline at its recall-0.99 threshold ${g.calibrate.baselineUpperForRecall099}`, g.report.baselineAtItsCalibratedThreshold),
    '',
    qualityTarget(g),
    '',
    `Other entries raised to review per true-variant query: ${g.report.extraReviewHitsPerPositive}.`,
    '',
    '#### Per kind of query (report half): share flagged at the upper threshold (recall for variants, false-positive rate for negatives)',
    '| kind | true variant? | n | engine | JW baseline |',
    '|---|---|---|---|---|',
    ...g.perKind.map((k) => `| ${k.kind} | ${k.positive ? 'yes' : 'no'} | ${k.n} | ${k.engineFlagged} | ${k.baselineFlagged} |`),
    '',
    '#### Precision-recall curve (engine, report half)',
    curveTable(g.curve),
    '',
    '#### Precision-recall curve (Jaro-Winkler baseline, report half)',
    curveTable(g.baselineCurve),
    '',
    '#### Missed true variants (report half, first 15)',
    ...g.missedExamples.map((m) => `- ${m.kind}: "${m.query}" → "${m.target}" ${m.score}`),
    '',
    '#### False positives (report half, first 15)',
    ...g.falsePositiveExamples.map((m) => `- ${m.kind}: "${m.query}" ${m.dob ?? ''} → "${m.hit}" ${m.score}`),
    '',
    '### nomenklatura name-bench cases (pairwise, at the upper threshold; baseline JW ≥ 0.90)',
    head,
    row(`hand-written, all schemas (n=${nk.handWritten.n})`, nk.handWritten.engine),
    row(`hand-written, Person (n=${nk.handWrittenPersons.n})`, nk.handWrittenPersons.engine),
    row(`LLM-made, all schemas (n=${nk.llmMade.n})`, nk.llmMade.engine),
    row(`LLM-made, Person (n=${nk.llmMadePersons.n})`, nk.llmMadePersons.engine),
    row('baseline, hand-written', nk.handWritten.baselineAt090),
    row('baseline, LLM-made', nk.llmMade.baselineAt090),
    '',
    'Hand-written rows the engine gets wrong (first 25):',
    ...nk.handWrittenErrors.map((e) => `- ${e}`),
    '',
    '### Transliteration pairs (NETransliteration Wikidata, single name parts, script form vs Latin)',
    head,
    ...Object.entries(tr).flatMap(([lang, r]) => [
      row(`${lang}: word match (≥ ${MIN_WORD_SIMILARITY})`, r.wordMatch),
      row(`${lang}: at upper threshold`, r.atUpper),
      row(`${lang}: JW baseline at upper`, r.baselineAtUpper),
    ]),
  ].join('\n');
}
