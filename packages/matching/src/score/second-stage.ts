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
 *   the cut is the lowest probability any true variant at or above upper got there, rounded down.
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
  'specificity',
  'leftover',
  'listedLeftover',
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

/** How each feature reads in an explanation: its value as shown (percent or two decimals) and its words. */
const SHOWN: Record<FeatureName, { percent?: true; text: string }> = {
  name: { text: 'name score' },
  weakShare: { percent: true, text: "share of the listed name's weight below a close spelling" },
  lookAlikeShare: { percent: true, text: "share of the listed name's weight matched by look-alike spellings" },
  heavyLookAlike: { text: 'the most distinctive word only looks alike' },
  distinctive: { text: 'most distinctive listed word matches at' },
  second: { text: 'second most distinctive listed word matches at' },
  weakest: { text: 'weakest word pair' },
  conflict: { percent: true, text: 'words that differ on both sides' },
  surplus: { percent: true, text: 'words on one side only' },
  queryOnly: { percent: true, text: "share of the query's weight that matches nothing" },
  otherScript: { text: 'written in another script' },
  dob: { text: 'date of birth' },
  specificity: { text: 'the matching words narrow the list down as much as this many unique words' },
  leftover: { text: 'a distinctive word only the query has (1: unique on the list)' },
  listedLeftover: { text: 'a distinctive listed word the query lacks (1: unique on the list)' },
};

const shown = (n: FeatureName, v: number) => (SHOWN[n].percent ? Math.round(v * 100) : Math.round(v * 100) / 100);

/** Each feature's term in the model (coefficient × value), largest effect first; zero terms left out. */
export function terms(f: PairFeatures, model: SecondStageModel = SECOND_STAGE): { feature: FeatureName; value: number; term: number }[] {
  return FEATURE_NAMES.map((n) => ({ feature: n, value: shown(n, f[n]), term: model.coefficients[n] * f[n] }))
    .filter((t) => Math.abs(t.term) >= 0.005)
    .sort((a, b) => Math.abs(b.term) - Math.abs(a.term));
}

/**
 * Judges one hit; undefined when it is outside the band or protected (left exactly as scored). A
 * demotion names every feature of the model that moved the probability: those that lowered it
 * (one reason each, for the reader's language) and those that held it up (in the detail).
 */
export function judge(score: number, f: PairFeatures, model: SecondStageModel = SECOND_STAGE): SecondStageVerdict | undefined {
  if (!inBand(score, model) || !judgeable(f)) return undefined;
  const probability = Math.round(sameProbability(f, model) * 1000) / 1000;
  if (probability >= model.cut || score <= model.demotedTo) return undefined;
  const all = terms(f, model);
  const lowering = all.filter((t) => t.term < 0);
  const raising = all.filter((t) => t.term > 0);
  const say = (t: (typeof all)[number]) => `${SHOWN[t.feature].text} ${t.value}${SHOWN[t.feature].percent ? '%' : ''}`;
  return {
    score: model.demotedTo,
    demoted: true,
    probability,
    detail: `second stage: probability of the same person ${probability} (below ${model.cut}): lowered to weak; lowered by ${lowering.map(say).join(', ')}; held up by ${raising.map(say).join(', ') || 'nothing'}`,
    reasons: [
      { key: 'second-stage.demoted', values: { probability, cut: model.cut } },
      ...lowering.map((t) => ({ key: `second-stage.lowered.${t.feature}`, values: { value: t.value } })),
    ],
  };
}
