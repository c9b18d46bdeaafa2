/**
 * What limits the false-alarm rate: for every false alarm at the default upper threshold, why the
 * second stage (src/score/second-stage.ts) left it raised, in the order the stage applies its own
 * rules, so each false alarm has exactly one reason. For those the model let through, the recall
 * price of demoting them: how many calibration true variants the lowest cut that would demote the
 * false alarm also demotes.
 */
import type { ListEntry, MatchingIndex, PersonQuery } from '../src/index';
import { inBand, namesAgreeStrongly, sameProbability, SECOND_STAGE } from '../src/score/second-stage';
import { pairFeatures } from '../src/score/second-stage-features';
import { firstStagePair, type FirstStagePair } from './first-stage-pair';

/** Why the stage left a hit raised, in the order it checks. `unexplained` (a bug if ever counted) keeps the counts honest. */
export const LEFT_RAISED = ['decisive', 'aboveBand', 'oneWord', 'namesAgree', 'probability', 'unexplained'] as const;
export type LeftRaised = (typeof LEFT_RAISED)[number];

export interface StageView {
  reason: LeftRaised;
  /** The model's probability of the same person (rounded as the stage rounds it), when it was asked. */
  probability?: number;
}

/** The probability as judge() compares it with the cut. */
const rounded = (p: number) => Math.round(p * 1000) / 1000;

/** How the stage treats a hit as the first stage scored it: never judged (and why), or the model's probability. */
function stageView(first: FirstStagePair | undefined): StageView {
  if (first?.decisive) return { reason: 'decisive' };
  if (!first?.pair) return { reason: 'unexplained' };
  if (first.score >= SECOND_STAGE.band.to) return { reason: 'aboveBand' };
  const f = pairFeatures(...first.pair);
  if (f.listedWords < 2) return { reason: 'oneWord' };
  if (namesAgreeStrongly(f)) return { reason: 'namesAgree' };
  const probability = rounded(sameProbability(f));
  return { reason: inBand(first.score) && probability >= SECOND_STAGE.cut ? 'probability' : 'unexplained', probability };
}

/** Why the second stage left a raised hit of this query on this entry as scored. */
export function leftRaisedBecause(index: MatchingIndex, query: PersonQuery, entry: ListEntry): StageView {
  return stageView(firstStagePair(index, query, entry));
}

/** The probability the model gives a true variant's own entry, when the stage judges it at or above upper (undefined otherwise). */
export function judgedTrueProbability(index: MatchingIndex, query: PersonQuery, entry: ListEntry, upper: number): number | undefined {
  const first = firstStagePair(index, query, entry);
  return first && first.score >= upper && inBand(first.score) ? stageView(first).probability : undefined;
}

export interface LimitsRow {
  group: string;
  falseAlarms: number;
  reasons: Record<LeftRaised, number>;
  /** Of the `probability` ones: how many calibration true variants the lowest cut demoting each would also demote. */
  price: { none: number; upTo5: number; upTo20: number; more: number };
}

export interface FalseAlarmLimits {
  cut: number;
  /** Calibration true variants (both lists) the stage judges at or above upper: the recall a harder cut would spend. */
  calibrationTrueJudged: number;
  rows: LimitsRow[];
}

function row(group: string, views: readonly StageView[], calibrationTrue: readonly number[]): LimitsRow {
  const reasons: Record<LeftRaised, number> = { decisive: 0, aboveBand: 0, oneWord: 0, namesAgree: 0, probability: 0, unexplained: 0 };
  for (const v of views) reasons[v.reason]++;
  const price = { none: 0, upTo5: 0, upTo20: 0, more: 0 };
  for (const v of views) {
    if (v.reason !== 'probability' || v.probability === undefined) continue;
    const spent = calibrationTrue.filter((p) => p <= v.probability!).length;
    price[spent === 0 ? 'none' : spent <= 5 ? 'upTo5' : spent <= 20 ? 'upTo20' : 'more']++;
  }
  return { group, falseAlarms: views.length, reasons, price };
}

/** One row for all false alarms of a report half, then one per kind of negative that has any, most first. */
export function falseAlarmLimits(
  falseAlarms: readonly { kind: string; view: StageView }[],
  calibrationTrue: readonly number[],
): FalseAlarmLimits {
  const kinds = [...new Set(falseAlarms.map((f) => f.kind))];
  const byKind = kinds
    .map((k) =>
      row(
        k,
        falseAlarms.filter((f) => f.kind === k).map((f) => f.view),
        calibrationTrue,
      ),
    )
    .sort((a, b) => b.falseAlarms - a.falseAlarms);
  return {
    cut: SECOND_STAGE.cut,
    calibrationTrueJudged: calibrationTrue.length,
    rows: [
      row(
        'all false alarms',
        falseAlarms.map((f) => f.view),
        calibrationTrue,
      ),
      ...byKind,
    ],
  };
}

export function falseAlarmLimitsMarkdown(l: FalseAlarmLimits, upper: number, worstKind: string | undefined): string {
  const r = (x: LimitsRow) =>
    `| ${x.group === worstKind ? `**${x.group}** (worst kind)` : x.group} | ${x.falseAlarms} | ${x.reasons.decisive + x.reasons.aboveBand} | ${x.reasons.oneWord} | ${x.reasons.namesAgree} | ${x.reasons.probability} | ${x.price.none} | ${x.price.upTo5} | ${x.price.upTo20} | ${x.price.more} |${x.reasons.unexplained ? ` ${x.reasons.unexplained} unexplained |` : ''}`;
  return [
    `#### What limits the false-alarm rate at ${upper} (report half): why the second stage left each false alarm raised`,
    `One reason each, in the order the stage applies its rules: scored outside its band (decisive evidence, or ≥ ${SECOND_STAGE.band.to}); the listed name has one word (never judged); the listed name's two most distinctive words both match at ≥ 0.9 (never judged); the model's probability of the same person at or above the cut ${l.cut}. For the last, the recall price: how many of the ${l.calibrationTrueJudged} calibration true variants (both lists) the stage judges at or above upper a cut just high enough to demote the false alarm would also demote.`,
    '',
    '| report-half false alarms | n | outside the band | one-word listed name | names agree strongly | probability ≥ cut | of which: price 0 | 1–5 | 6–20 | > 20 |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...l.rows.map(r),
  ].join('\n');
}

/** The counts in one sentence: what the stage never judged, and what the model let through at what price. */
export function falseAlarmReading(l: FalseAlarmLimits, worstKind: string | undefined): string {
  const say = (x: LimitsRow) => {
    const { decisive, aboveBand, oneWord, namesAgree, probability } = x.reasons;
    const costly = x.price.upTo5 + x.price.upTo20 + x.price.more;
    return (
      `${x.falseAlarms} false alarms: ${decisive + aboveBand + oneWord + namesAgree} never judged by the second stage ` +
      `(outside its band ${decisive + aboveBand}, a one-word listed name ${oneWord}, names that agree strongly ${namesAgree}), ` +
      `${probability} judged the same person at or above the cut, of which ${x.price.none} a higher cut could demote without demoting a calibration true variant ` +
      `and ${costly} only at the price of one or more (${x.price.upTo20 + x.price.more} of more than five)`
    );
  };
  const worst = l.rows.find((x) => x.group === worstKind);
  return `${say(l.rows[0]!)}${worst ? `; worst kind "${worst.group}": ${say(worst)}` : ''}`;
}
