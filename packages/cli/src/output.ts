/** Where a command writes: people get text, scripts (`--json`) get one JSON document on stdout. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
}

export const processIo = (): Io => ({
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
});

/** Prints either the JSON value or the human text made from it. */
export function emit<T>(io: Io, json: boolean, value: T, human: (value: T) => string): void {
  io.out(json ? JSON.stringify(value, null, 2) : human(value));
}

export interface Column<Row> {
  title: string;
  value(row: Row): string | number | undefined | null;
}

/** A plain aligned text table (no colours, no box drawing: safe in any terminal and in logs). */
export function table<Row>(rows: Row[], columns: Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((c) => clean(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

const clean = (value: string | number | undefined | null) =>
  value === undefined || value === null || value === '' ? '-' : String(value).replace(/\s+/g, ' ');

/** A date as `2026-04-01 09:30Z` (UTC, so every office reads the same time). */
export const shortDate = (iso: string | undefined | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : '-');

export interface HitLike {
  listId: string;
  entryId: string;
  score: number;
  band: string;
  matchedName: { full: string; kind: string };
  features: { feature: string; contribution: number; detail?: string }[];
  summary: string;
}

/** One hit with its explanation: what agreed (+) and what differed (−). */
export function formatHit(hit: HitLike): string {
  const features = hit.features.map(
    (f) =>
      `    ${f.contribution >= 0 ? '+' : '−'} ${f.feature} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}${f.detail ? `  ${f.detail}` : ''}`,
  );
  return [
    `${hit.band.toUpperCase().padEnd(14)} ${hit.score.toFixed(2)}  ${hit.listId}/${hit.entryId}  ${hit.matchedName.full} (${hit.matchedName.kind})`,
    `    ${hit.summary}`,
    ...features,
  ].join('\n');
}
