/**
 * The second stage: in the borderline band only, a small logistic model over the features the
 * explanation shows (second-stage-features.ts) judges whether a hit the name score would raise to
 * review looks like the same person or like a different one with a similar name. When it judges
 * "different" with confidence, the hit is lowered to `demotedTo` (weak: still shown in ad-hoc
 * searches, never raising a review) and the explanation says why.
 *
 * Safety, in this order (docs/decisions/matching-second-stage.md):
 * - it only ever lowers a score, so pruning's upper bounds stay sound and nothing outside the band moves;
 * - it never touches a hit whose two most distinctive listed words both match strongly (the family
 *   name and a given name agree): a missed match is worse than a false alarm;
 * - the coefficients are trained on the calibration halves only (bench/train-second-stage.ts) and
 *   the cut is half the lowest probability any true variant there got, for margin.
 */
import trained from './second-stage-model.json' with { type: 'json' };
import type { Reason } from './evidence';
import { STRONG, type PairFeatures } from './second-stage-features';

/** The model's inputs, in the order of its coefficients. */
export const FEATURE_NAMES = [
  'name',
  'weakShare',
  'lookAlikeShare',
  'heavyLookAlike',
  'distinctive',
  'second',
  'weakest',
  'conflict',
  'surplus',
  'queryOnly',
  'otherScript',
  'dob',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface SecondStageModel {
  /** Scores in [from, to) are judged; others are left alone. */
  band: { from: number; to: number };
  /** A demoted hit's score is at most this (below the default upper threshold). */
  demotedTo: number;
  intercept: number;
  coefficients: Record<FeatureName, number>;
  /** Below this probability of "same person" a hit in the band is demoted. */
  cut: number;
}

export const SECOND_STAGE: Readonly<SecondStageModel> = Object.freeze(trained as SecondStageModel);

export function vectorOf(f: PairFeatures): number[] {
  return FEATURE_NAMES.map((n) => f[n]);
}

/** The model's probability that the pair names the same person. */
export function sameProbability(f: PairFeatures, model: SecondStageModel = SECOND_STAGE): number {
  const z = FEATURE_NAMES.reduce((s, n) => s + model.coefficients[n] * f[n], model.intercept);
  return 1 / (1 + Math.exp(-z));
}

/** Family name and given name both match well: the second stage never demotes such a pair. */
export function namesAgreeStrongly(f: PairFeatures): boolean {
  return f.distinctive >= STRONG && f.second >= STRONG;
}

export interface SecondStageVerdict {
  /** The score after the second stage (equal to the input unless demoted). */
  score: number;
  demoted: boolean;
  probability: number;
  detail: string;
  reasons: Reason[];
}

/**
 * Whether the second stage may judge the pair at all: not when family and given name both agree, and
 * not a one-word listed name (no second word to confirm or contradict a look-alike: "Sukarno"
 * misread as "Sukamto" stays for review).
 */
export function judgeable(f: PairFeatures): boolean {
  return !namesAgreeStrongly(f) && f.listedWords >= 2;
}

/** Whether a score is in the band the second stage judges. */
export function inBand(score: number, model: SecondStageModel = SECOND_STAGE): boolean {
  return score >= model.band.from && score < model.band.to;
}

/** Judges one hit; undefined when it is outside the band or protected (left exactly as scored). */
export function judge(score: number, f: PairFeatures, model: SecondStageModel = SECOND_STAGE): SecondStageVerdict | undefined {
  if (!inBand(score, model) || !judgeable(f)) return undefined;
  const probability = Math.round(sameProbability(f, model) * 1000) / 1000;
  if (probability >= model.cut || score <= model.demotedTo) return undefined;
  const weakWords = Math.round(f.weakShare * 100);
  return {
    score: model.demotedTo,
    demoted: true,
    probability,
    detail: `second stage: the words that match are mostly look-alikes (${weakWords}% of the listed name's weight below a close spelling; distinctive word ${f.distinctive.toFixed(2)}), probability of the same person ${probability}: lowered to weak`,
    reasons: [
      { key: 'second-stage.demoted', values: { probability, weakPercent: weakWords, distinctive: Math.round(f.distinctive * 100) / 100 } },
    ],
  };
}
