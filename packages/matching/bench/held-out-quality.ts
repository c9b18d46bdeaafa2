/**
 * Quality on data the engine was never tuned on: the nomenklatura name-bench cases (pairwise;
 * hand-written and LLM-made rows apart) and the NETransliteration Wikidata pairs (single name
 * parts, Arabic and Russian script against Latin).
 */
import { readFileSync } from 'node:fs';
import { jaroWinkler, MIN_WORD_SIMILARITY, scorePair, type ListEntry, type Thresholds, type WordStatistics } from '../src/index';
import { baselineFold } from './jaro-winkler-baseline';
import { DATA_DIR, parseCsv } from './list-parsers';
import { at, type Scored } from './metrics';
import { seededRandom } from './seeded-random';

export function runNomenklatura(statistics: WordStatistics, t: Thresholds) {
  const rows = parseCsv(readFileSync(`${DATA_DIR}name_variants/nomenklatura_name_bench_cases.csv`, 'utf8')).slice(1);
  const scored = rows.map(([group, schema, n1, n2, isMatch, , category]) => {
    const entry: ListEntry = {
      id: 'x',
      names: [{ full: n2!, kind: 'primary' }],
      datesOfBirth: [],
      nationalities: [],
      documents: [],
      serviceNumbers: [],
    };
    return {
      group: group!,
      schema: schema!,
      category: category ?? '',
      positive: isMatch === 'true',
      score: scorePair({ names: [n1!] }, entry, { statistics }).score,
      baseline: jaroWinkler(baselineFold(n1!), baselineFold(n2!)),
      n1,
      n2,
    };
  });
  const llm = scored.filter((r) => r.category === 'LLM-proposed deviation');
  const hand = scored.filter((r) => r.category !== 'LLM-proposed deviation');
  const report = (rs: typeof scored) => ({
    n: rs.length,
    positives: rs.filter((r) => r.positive).length,
    engine: at(rs, t.upper),
    engineAtLower: at(rs, t.lower),
    baselineAt090: at(
      rs.map((r) => ({ positive: r.positive, score: r.baseline })),
      0.9,
    ),
  });
  return {
    handWritten: report(hand),
    handWrittenPersons: report(hand.filter((r) => r.schema === 'Person')),
    llmMade: report(llm),
    llmMadePersons: report(llm.filter((r) => r.schema === 'Person')),
    handWrittenErrors: hand
      .filter((r) => r.positive !== r.score >= t.upper)
      .slice(0, 25)
      .map((r) => `${r.positive ? 'missed' : 'false hit'} ${r.score.toFixed(2)}: ${r.n1} / ${r.n2} (${r.schema})`),
  };
}

export function runTransliteration(t: Thresholds) {
  const out: Record<string, unknown> = {};
  for (const lang of ['arabic', 'russian']) {
    const rnd = seededRandom(lang.length);
    const lines = readFileSync(`${DATA_DIR}name_variants/netranslit_wd_${lang}_20.tsv`, 'utf8').trim().split('\n');
    const pairs = lines
      .map((l) => l.split('\t'))
      .filter((p) => p[0] && p[1])
      .map((p) => [p[0]!, p[1]!.replace(/ /g, '')] as const);
    const sample = Array.from({ length: Math.min(3000, pairs.length) }, () => pairs[Math.floor(rnd() * pairs.length)]!);
    const one = (full: string): ListEntry => ({
      id: 'x',
      names: [{ full, kind: 'primary' }],
      datesOfBirth: [],
      nationalities: [],
      documents: [],
      serviceNumbers: [],
    });
    const scored: (Scored & { baseline: number })[] = [];
    for (const [latin, script] of sample) {
      scored.push({
        positive: true,
        score: scorePair({ names: [script] }, one(latin)).score,
        baseline: jaroWinkler(baselineFold(script), baselineFold(latin)),
      });
      const [other] = pairs[Math.floor(rnd() * pairs.length)]!;
      if (other.toLowerCase() === latin.toLowerCase()) continue;
      scored.push({
        positive: false,
        score: scorePair({ names: [script] }, one(other)).score,
        baseline: jaroWinkler(baselineFold(script), baselineFold(other)),
      });
    }
    out[lang] = {
      pairs: sample.length,
      note: 'single name parts (Wikidata); negatives pair the script form with a random other Latin token',
      wordMatch: at(scored, MIN_WORD_SIMILARITY),
      atUpper: at(scored, t.upper),
      baselineAtUpper: at(
        scored.map((s) => ({ positive: s.positive, score: s.baseline })),
        t.upper,
      ),
    };
  }
  return out;
}
