/**
 * Quality on a generated set built from one list (eval-set.ts): true variants of listed people and
 * hard negatives, split by entry into a calibration half (thresholds are chosen there) and a report
 * half (every figure is reported there). The engine runs as screening runs it (`index.search`); the
 * Jaro-Winkler baseline, brute force over the list, runs when asked.
 */
import { buildIndex, DEFAULT_THRESHOLDS, type ListEntry, type MatchHit } from '../src/index';
import { buildEvalSet, droppedNegatives, type EvalQuery } from './eval-set';
import { judgedTrueProbability, leftRaisedBecause, type FalseAlarmLimits } from './false-alarm-limits';
import { baselineBest, baselineScore, buildBaseline } from './jaro-winkler-baseline';
import type { UnEntry } from './list-parsers';
import { at, curve, r4, thresholdForRecall, type Scored } from './metrics';
import { seededRandom } from './seeded-random';

interface QueryResult extends Scored {
  q: EvalQuery;
  baseline: number;
  /** Other entries a true variant raises to review (possible-match or match), and shows as weak. */
  othersRaised: number;
  othersWeak: number;
  hit?: MatchHit;
}

/** Lowest threshold considered for upper: one shared word is capped below it and never raises a review, by design. */
export const SINGLE_WORD_CAP = 0.45;

/**
 * The threshold rule (docs/decisions): on the calibration half, the recall reachable at all is the
 * recall just above the single-word cap; upper is the highest threshold that keeps all of it but
 * one true variant in a thousand.
 */
export function recommendUpper(cal: readonly Scored[]): { upper: number; ceiling: number } {
  const ceiling = at(cal, SINGLE_WORD_CAP + 0.01).recall;
  return { upper: thresholdForRecall(cal, ceiling - 0.001), ceiling };
}

export interface GeneratedOptions {
  label: string;
  /** Every entry of the list (entities too: negatives are checked against all names). */
  all: readonly UnEntry[];
  /** About this many individuals are sampled to derive queries from (default all). */
  sample?: number;
  /** Run the brute-force Jaro-Winkler baseline. */
  baseline: boolean;
  log: (m: string) => void;
}

export function evaluateGenerated(o: GeneratedOptions) {
  const entries: ListEntry[] = o.all.filter((e) => e.individual);
  o.log(`${o.label}: ${entries.length} individuals, ${entries.reduce((a, e) => a + e.names.length, 0)} names`);
  const index = buildIndex(entries, JSON.parse(process.env.MATCHING_BENCH_OPTIONS ?? '{}') as Record<string, number>);
  const byId = new Map(entries.map((e, i) => [e.id, i]));
  const rnd = seededRandom(o.label.length);
  const sampled = o.sample && o.sample < entries.length ? entries.filter(() => rnd() < o.sample! / entries.length) : undefined;
  const set = buildEvalSet(o.all as UnEntry[], undefined, sampled && new Set(sampled.map((e) => e.id)));
  const dropped = { ...droppedNegatives };
  o.log(
    `${o.label}: ${set.length} queries (${set.filter((q) => q.positive).length} true variants, ${set.filter((q) => !q.positive).length} hard negatives)`,
  );
  const base = o.baseline ? buildBaseline(entries) : undefined;
  const results: QueryResult[] = [];
  const raised = (h: MatchHit) => h.band === 'possible-match' || h.band === 'match';
  for (const [k, q] of set.entries()) {
    if (k % 2000 === 0) o.log(`  ${o.label}: scored ${k}/${set.length}`);
    const hits = index.search(q.query, { limit: 50, minScore: 0.3 });
    const name = q.query.names[0]!;
    if (q.positive) {
      const hit = hits.find((h) => h.entryId === q.targetId);
      const others = hits.filter((h) => h.entryId !== q.targetId);
      results.push({
        q,
        positive: true,
        score: hit?.score ?? 0,
        hit,
        baseline: base ? baselineScore(base, byId.get(q.targetId!)!, name) : 0,
        othersRaised: others.filter(raised).length,
        othersWeak: others.filter((h) => h.band === 'weak').length,
      });
    } else {
      results.push({
        q,
        positive: false,
        score: hits[0]?.score ?? 0,
        hit: hits[0],
        baseline: base ? baselineBest(base, name) : 0,
        othersRaised: 0,
        othersWeak: 0,
      });
    }
  }
  const cal = results.filter((r) => r.q.half === 'calibrate');
  const rep = results.filter((r) => r.q.half === 'report');
  const { upper, ceiling } = recommendUpper(cal);
  const defaults = DEFAULT_THRESHOLDS;
  const baseUpper = base
    ? thresholdForRecall(
        cal.map((r) => ({ positive: r.positive, score: r.baseline })),
        0.99,
      )
    : undefined;
  const positives = rep.filter((r) => r.positive);
  const negatives = rep.filter((r) => !r.positive);
  const kinds = [...new Set(rep.map((r) => r.q.kind))];
  const perKind = kinds.map((kind) => {
    const rs = rep.filter((r) => r.q.kind === kind);
    const flagged = (t: number, f: (r: QueryResult) => number) => r4(rs.filter((r) => f(r) >= t).length / rs.length);
    return {
      kind,
      positive: rs[0]!.positive,
      n: rs.length,
      engineFlagged: flagged(defaults.upper, (r) => r.score),
      baselineFlagged: baseUpper === undefined ? undefined : flagged(baseUpper, (r) => r.baseline),
    };
  });
  const atDefault = at(rep, defaults.upper);
  // Why the second stage left each false alarm raised, and what the stage judges of the calibration true variants (false-alarm-limits.ts).
  const entryOf = (h: MatchHit) => entries[byId.get(h.entryId)!]!;
  const stage = {
    falseAlarms: negatives.flatMap((r) =>
      r.hit && r.score >= defaults.upper ? [{ kind: r.q.kind, view: leftRaisedBecause(index, r.q.query, entryOf(r.hit)) }] : [],
    ),
    calibrationTrue: cal.flatMap((r) => {
      const p = r.positive && r.hit ? judgedTrueProbability(index, r.q.query, entryOf(r.hit), defaults.upper) : undefined;
      return p === undefined ? [] : [p];
    }),
  };
  return {
    label: o.label,
    queries: set.length,
    droppedNegatives: dropped,
    calibrate: {
      n: cal.length,
      recallCeiling: r4(ceiling),
      recommendedUpper: upper,
      atRecommendedUpper: at(cal, upper),
      baselineUpperForRecall099: baseUpper,
    },
    report: {
      n: rep.length,
      positives: positives.length,
      negatives: negatives.length,
      atDefaultUpper: atDefault,
      falseAlarmRate: r4(atDefault.fp / negatives.length),
      atDefaultLower: at(rep, defaults.lower),
      atRecommendedUpper: at(rep, upper),
      baselineAtItsCalibratedThreshold:
        baseUpper === undefined
          ? undefined
          : at(
              rep.map((r) => ({ positive: r.positive, score: r.baseline })),
              baseUpper,
            ),
      otherEntriesRaisedPerPositive: r4(positives.reduce((a, r) => a + r.othersRaised, 0) / positives.length),
      otherEntriesWeakPerPositive: r4(positives.reduce((a, r) => a + r.othersWeak, 0) / positives.length),
    },
    curve: curve(rep, 0.3, 0.95, 0.025),
    baselineCurve: base
      ? curve(
          rep.map((r) => ({ positive: r.positive, score: r.baseline })),
          0.6,
          1,
          0.025,
        )
      : undefined,
    perKind,
    missedExamples: positives
      .filter((r) => r.score < defaults.upper)
      .slice(0, 15)
      .map((r) => ({
        kind: r.q.kind,
        query: r.q.query.names[0],
        target: entries[byId.get(r.q.targetId!)!]!.names[0]!.full,
        score: r.score,
      })),
    falsePositiveExamples: negatives
      .filter((r) => r.score >= defaults.upper)
      .slice(0, 15)
      .map((r) => ({
        kind: r.q.kind,
        query: r.q.query.names[0],
        dob: r.q.query.dateOfBirth,
        hit: r.hit?.matchedName.full,
        score: r.score,
      })),
    statistics: index.statistics,
    stage,
  };
}

export type GeneratedQuality = Omit<ReturnType<typeof evaluateGenerated>, 'statistics' | 'stage'> & {
  /** Why the false alarms stayed raised (absent from figures written before it was counted). */
  falseAlarmLimits?: FalseAlarmLimits;
};
