/** Precision/recall helpers and threshold calibration. */

export interface Scored {
  score: number;
  positive: boolean;
}

export interface CurveRow {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function at(scored: readonly Scored[], threshold: number): CurveRow {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    if (s.positive && s.score >= threshold) tp++;
    else if (s.positive) fn++;
    else if (s.score >= threshold) fp++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, precision: r4(precision), recall: r4(recall), f1: r4(f1), tp, fp, fn };
}

export const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** Highest threshold (step 0.005) whose recall is at least `recall`. */
export function thresholdForRecall(scored: readonly Scored[], recall: number): number {
  for (let t = 1; t >= 0; t -= 0.005) if (at(scored, t).recall >= recall) return Math.round(t * 1000) / 1000;
  return 0;
}

export function curve(scored: readonly Scored[], from = 0.3, to = 0.95, step = 0.05): CurveRow[] {
  const rows: CurveRow[] = [];
  for (let t = from; t <= to + 1e-9; t += step) rows.push(at(scored, Math.round(t * 100) / 100));
  return rows;
}

export function curveTable(rows: CurveRow[]): string {
  return ['| threshold | precision | recall | F1 | TP | FP | FN |', '|---|---|---|---|---|---|---|']
    .concat(
      rows.map(
        (r) =>
          `| ${r.threshold.toFixed(3)} | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${r.tp} | ${r.fp} | ${r.fn} |`,
      ),
    )
    .join('\n');
}
