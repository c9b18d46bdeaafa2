/**
 * Scores a prepared query against one list entry: best name pair, then the other evidence.
 * The index prepares both sides once; `scorePair` (score-pair.ts) does it for one-off comparisons.
 */
import type { ListEntry, PersonQuery } from '../model';
import type { NameWord, NormalisedName } from '../normalise/name-normaliser';
import {
  EVIDENCE_WEIGHTS,
  compareDob,
  compareDocuments,
  compareGender,
  compareNationality,
  type FeatureContribution,
  type Reason,
} from './evidence';
import type { MatchHit, WordMatch } from './match-hit';
import { alignNames, type NameAlignment, type NameScoreOptions, type WeightedName } from './name-alignment';
import { nameScoreBound } from './name-score-bound';
import { inBand, judge } from './second-stage';
import { pairFeatures } from './second-stage-features';
import { DEFAULT_THRESHOLDS, bandFor, type Thresholds } from './thresholds';
import { wordSimilarity, type WordSimilarity } from './word-similarity';

export interface PreparedName extends WeightedName {
  name: NormalisedName;
}

export interface PreparedQuery {
  query: PersonQuery;
  names: PreparedName[];
  /**
   * The weight of a word no listed name holds, ln(1 + names on the list): what it takes to name one
   * person on this list. Word weights divided by it say how far a match narrows the list down,
   * whatever the list's size (second-stage-features.ts). Default: that of a list of 1,000 names.
   */
  information?: number;
}

export interface ScoreOptions extends NameScoreOptions {
  /** Default DEFAULT_THRESHOLDS. */
  thresholds?: Thresholds;
  /** Name score below which agreeing dates, nationality and gender add nothing. Default 0.55. */
  evidenceFloor?: number;
  /** Name score from which agreeing evidence counts fully. Default 0.8. */
  evidenceFull?: number;
  /** Judge borderline hits with the second stage (second-stage.ts). Default true; false for training it and for checks. */
  secondStage?: boolean;
}

/** Most that agreeing date of birth, nationality and gender can add together. */
const MAX_SUPPORT = EVIDENCE_WEIGHTS.dobExact + EVIDENCE_WEIGHTS.nationalityAgrees + EVIDENCE_WEIGHTS.genderAgrees;

/** Word similarity memoised per query: a candidate list repeats the same list words many times. */
export type SimilarityFn = (q: NameWord, e: NameWord) => WordSimilarity;

/**
 * The lowest name score that agreeing evidence (at most MAX_SUPPORT, scaled by the gate between
 * evidenceFloor and evidenceFull) can lift to minScore.
 */
export function lowestNameScoreFor(minScore: number, evidenceFloor: number, evidenceFull: number, support = MAX_SUPPORT): number {
  if (minScore <= evidenceFloor) return minScore;
  const k = support / (evidenceFull - evidenceFloor);
  const x = (minScore + evidenceFloor * k) / (1 + k);
  return x > evidenceFull ? minScore - support : x;
}

/**
 * The lowest name score with which any entry that is not decisive for this query (no identical
 * long document number, not confirmed) can still reach minScore: a sound floor for pruning names.
 */
export function nameFloorFor(query: PersonQuery, minScore: number, options: ScoreOptions = {}): number {
  const { evidenceFloor = 0.55, evidenceFull = 0.8 } = options;
  const documents = query.documents?.length || query.serviceNumbers?.length;
  return lowestNameScoreFor(minScore, evidenceFloor, evidenceFull, MAX_SUPPORT + (documents ? EVIDENCE_WEIGHTS.documentShort : 0));
}

function describeName(a: NameAlignment, q: PreparedName, e: PreparedName): { detail: string; reasons: Reason[] } {
  const total = Math.max(q.words.length, e.words.length);
  const parts = [`name "${q.name.raw}" vs listed "${e.name.raw}": ${a.pairs.length} of ${total} words match`];
  const reasons: Reason[] = [{ key: 'name.words', values: { query: q.name.raw, listed: e.name.raw, matched: a.pairs.length, total } }];
  if (a.conflict > 0.001) {
    parts.push(`words that differ on both sides weigh ${Math.round(a.conflict * 100)}%`);
    reasons.push({ key: 'name.conflict', values: { percent: Math.round(a.conflict * 100) } });
  }
  if (a.surplus > 0.001) {
    parts.push(`words on one side only weigh ${Math.round(a.surplus * 100)}% (tolerated: dropped middle names, patronymics)`);
    reasons.push({ key: 'name.surplus', values: { percent: Math.round(a.surplus * 100) } });
  }
  if (q.name.lookAlikeLetters) {
    // the officer should know: writing a name in look-alike letters is how a listed name is hidden
    parts.push(
      "the name is written with characters that imitate Latin letters (another script's letters, digits): read as the letters they imitate",
    );
    reasons.push({ key: 'name.look-alike-letters' });
  }
  if (a.singleWord) {
    parts.push('only one word matches: capped below review');
    reasons.push({ key: 'name.single-word' });
  }
  return { detail: parts.join('; '), reasons };
}

/** An entry's score before its explanation is written (only the hits a search returns are explained). */
export interface EntryScore {
  /** In [0,1], not rounded. */
  score: number;
  decisive: boolean;
  best?: { a: NameAlignment; q: PreparedName; e: PreparedName; idx: number };
  /** `name` first (its detail written by explainEntry), then the evidence. */
  features: FeatureContribution[];
}

export function scoreEntry(
  prepared: PreparedQuery,
  entry: ListEntry,
  entryNames: PreparedName[],
  similarity: SimilarityFn = wordSimilarity,
  options: ScoreOptions = {},
  /** Return undefined below this score, unless decisive. Default: never. */
  minScore = -1,
  /** Skip aligning names whose sound upper bound cannot reach minScore (false only for checks of the bound). */
  bound = true,
): EntryScore | undefined {
  const { evidenceFloor = 0.55, evidenceFull = 0.8 } = options;
  const query = prepared.query;
  const documents = compareDocuments(query, entry);
  const decisive = !!documents?.decisive || !!query.confirmedEntryIds?.includes(entry.id);
  const support = MAX_SUPPORT + (documents && !documents.decisive ? documents.contribution : 0);
  // A name whose score cannot reach this, even with all the support evidence can give, is not aligned.
  const nameFloor = decisive || !bound ? -1 : lowestNameScoreFor(minScore, evidenceFloor, evidenceFull, support) - 1e-9;
  let best: EntryScore['best'];
  for (const q of prepared.names) {
    for (let idx = 0; idx < entryNames.length; idx++) {
      const e = entryNames[idx];
      if (e === undefined || e.words.length === 0) continue;
      if (nameFloor > 0 && nameScoreBound(q, e, options, nameFloor) < nameFloor) continue;
      const a = alignNames(q, e, similarity, options);
      if (!best || a.score > best.a.score) best = { a, q, e, idx };
    }
  }
  const nameScore = best?.a.score ?? 0;
  const features: FeatureContribution[] = [{ feature: 'name', contribution: nameScore, detail: '' }];
  const gate = Math.max(0, Math.min(1, (nameScore - evidenceFloor) / (evidenceFull - evidenceFloor)));
  // Nothing else can lift this name to minScore: skip the evidence.
  if (!decisive && nameScore + gate * support < minScore) return undefined;
  let score = nameScore;
  for (const f of [
    compareDob(query.dateOfBirth, entry.datesOfBirth),
    compareNationality(query.nationalities, entry.nationalities),
    compareGender(query.gender, entry.gender),
  ]) {
    if (!f) continue;
    // Agreement only supports a name that already matches; disagreement always counts.
    const contribution = f.contribution > 0 ? f.contribution * gate : f.contribution;
    const gated = f.contribution > 0 && gate < 1;
    const detail = gated
      ? `${f.detail}${gate === 0 ? ' (not counted: the names differ)' : ' (counted in part: the names differ somewhat)'}`
      : f.detail;
    const reasons = gated ? [...(f.reasons ?? []), { key: gate === 0 ? 'gate.not-counted' : 'gate.counted-in-part' }] : f.reasons;
    features.push({ ...f, contribution, detail, ...(reasons ? { reasons } : {}) });
    score += contribution;
  }
  if (documents?.decisive) {
    features.push({ feature: 'documents', detail: documents.detail, reasons: documents.reasons, contribution: Math.max(0, 0.95 - score) });
    score = Math.max(score, 0.95);
  } else if (documents) {
    const contribution = documents.contribution * gate;
    features.push({ feature: 'documents', detail: documents.detail, reasons: documents.reasons, contribution });
    score += contribution;
  }
  // Only lowers a score: pruning's bounds stay upper bounds. Features are read only in the band.
  const judged = !decisive && options.secondStage !== false && inBand(score);
  const verdict =
    judged && best
      ? judge(score, pairFeatures(best.a, { ...best.q, raw: best.q.name.raw }, best.e, features, prepared.information))
      : undefined;
  if (verdict) {
    features.push({ feature: 'second-stage', contribution: verdict.score - score, detail: verdict.detail, reasons: verdict.reasons });
    score = verdict.score;
  }
  score = Math.max(0, Math.min(1, score));
  if (score < minScore && !decisive) return undefined;
  return { score, decisive, best, features };
}

/** The hit of a scored entry, with its explanation. */
export function explainEntry(prepared: PreparedQuery, entry: ListEntry, scored: EntryScore, options: ScoreOptions = {}): MatchHit {
  const { thresholds = DEFAULT_THRESHOLDS } = options;
  const { best, score } = scored;
  const features = scored.features.map((f) => ({ ...f, contribution: round(f.contribution) }));
  Object.assign(
    features[0]!,
    best ? describeName(best.a, best.q, best.e) : { detail: 'no comparable name', reasons: [{ key: 'name.none' }] },
  );
  const words: WordMatch[] = best
    ? [...best.a.pairs]
        .sort((x, y) => x.query - y.query)
        .map((p) => {
          const q = best.q.words;
          const e = best.e.words;
          const query = p.joined === 'query' ? `${q[p.query]!.text} ${q[p.query + 1]!.text}` : q[p.query]!.text;
          const listed = p.joined === 'entry' ? `${e[p.entry]!.text} ${e[p.entry + 1]!.text}` : e[p.entry]!.text;
          return { query, listed, similarity: round(p.similarity), how: p.how };
        })
    : [];
  const listed = best ? entry.names[best.idx]! : entry.names[0]!;
  const band = bandFor(score, scored.decisive, thresholds);
  return {
    entryId: entry.id,
    score: round(score),
    band,
    matchedName: { full: listed.full, kind: listed.kind, ...(listed.script ? { script: listed.script } : {}) },
    queryName: best?.q.name.raw ?? prepared.query.names[0] ?? '',
    features,
    words,
    summary: `${band} ${round(score).toFixed(2)}: "${best?.q.name.raw ?? ''}" ~ ${listed.kind} "${listed.full}"`,
  };
}

export function scorePrepared(
  prepared: PreparedQuery,
  entry: ListEntry,
  entryNames: PreparedName[],
  similarity: SimilarityFn = wordSimilarity,
  options: ScoreOptions = {},
  /** Return undefined (no explanation built) below this score, unless decisive. Default: never. */
  minScore = -1,
  /** Skip aligning names whose sound upper bound cannot reach minScore (false only for checks of the bound). */
  bound = true,
): MatchHit | undefined {
  const scored = scoreEntry(prepared, entry, entryNames, similarity, options, minScore, bound);
  return scored && explainEntry(prepared, entry, scored, options);
}

/** Rounded as hits carry scores: three decimals. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
