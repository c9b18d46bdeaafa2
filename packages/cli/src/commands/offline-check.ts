import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createBundleScreener, type OfflineResult } from '@vetting/banlists';
import { CliError, EXIT } from '../exit-codes';
import { shortDate } from '../output';
import { headerOf, openBundleFile, personLine, type BundleOptions, type Person } from '../offline-screening';
import type { Context } from '../program';

const ADVICE: Record<OfflineResult['outcome'], string> = {
  clear: 'No list entry resembles this person in the bundle. Provisional: upload the result (`vetting offline upload`) when online.',
  'possible-match': 'Do not deploy: nominate the person so the UN reviews the match.',
  match: 'Do not deploy: an identifier matches a list entry; nominate the person so the UN confirms.',
};

export interface OfflineCheck extends OfflineResult {
  bundleId: string;
  bundleMadeAt: string;
  ageHours: number;
  listVersions: { listId: string; version: number }[];
}

/** One person against a bundle, offline. */
export function screenOneOffline(file: string, person: Person, opts: BundleOptions, ctx: Context): OfflineCheck {
  const opened = openBundleFile(file, opts, ctx.env);
  const screener = createBundleScreener(opened.bundle);
  return {
    ...screener.screen(person),
    bundleId: opened.bundle.bundleId,
    bundleMadeAt: opened.bundle.createdAt,
    ageHours: Math.floor(opened.ageMs / 3_600_000),
    listVersions: screener.versions.map(({ listId, version }) => ({ listId, version })),
  };
}

export const formatOfflineCheck = (r: OfflineCheck) =>
  [
    `OFFLINE check against bundle ${r.bundleId.slice(0, 8)} (made ${shortDate(r.bundleMadeAt)}, ${r.ageHours} h ago; ${r.listVersions.map((v) => `${v.listId} v${v.version}`).join(', ')})`,
    ...r.hits.map((h) => `${h.band.toUpperCase().padEnd(14)} ${h.score.toFixed(2)}  ${h.listId}/${h.entryId}`),
    `Outcome: ${r.outcome}. ${ADVICE[r.outcome]}`,
  ].join('\n');

/**
 * Every person of a JSON Lines file against a bundle, offline. The results file starts with a header
 * naming the bundle, then one line per person: the office's reference, when, the outcome, the hits
 * and the person as screened (so the upload can screen them again on arrival).
 */
export async function screenBatchOffline(file: string, peopleFile: string, opts: BundleOptions & { out?: string }, ctx: Context) {
  const opened = openBundleFile(file, opts, ctx.env);
  const screener = createBundleScreener(opened.bundle);
  let input: NodeJS.ReadableStream;
  if (peopleFile === '-') input = process.stdin;
  else {
    input = createReadStream(peopleFile);
    await new Promise<void>((resolve, reject) => {
      (input as ReturnType<typeof createReadStream>)
        .once('open', () => resolve())
        .once('error', () => reject(new CliError(`Cannot read ${peopleFile}`, EXIT.notFoundOrDenied)));
    });
  }
  const out = opts.out ? createWriteStream(opts.out) : undefined;
  const write = async (line: unknown) => {
    const text = `${JSON.stringify(line)}\n`;
    if (!out) return ctx.io.out(text);
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  await write(headerOf(opened));
  const outcomes = { clear: 0, 'possible-match': 0, match: 0 };
  let lineNo = 0;
  let bad = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo += 1;
    if (!line.trim()) continue;
    const parsed = personLine(line, lineNo);
    if ('error' in parsed) {
      bad += 1;
      ctx.io.err(`line ${parsed.line}: ${parsed.error}`);
      continue;
    }
    const result = screener.screen(parsed.person);
    outcomes[result.outcome] += 1;
    await write({ ref: parsed.ref, screenedAt: new Date().toISOString(), ...result, person: parsed.person });
    if (lineNo % 1000 === 0) ctx.io.err(`${lineNo} people screened`);
  }
  if (out) await new Promise<void>((r) => out.end(() => r()));
  const screened = outcomes.clear + outcomes['possible-match'] + outcomes.match;
  ctx.io.err(
    `Screened ${screened} people offline against bundle ${opened.bundle.bundleId.slice(0, 8)}: ${outcomes.clear} clear, ${outcomes['possible-match']} possible match, ${outcomes.match} match; ${bad} bad line(s).${out ? ` Results in ${opts.out}; upload them with: vetting offline upload ${opts.out}` : ''}`,
  );
  return { bundleId: opened.bundle.bundleId, screened, bad, outcomes, ...(opts.out ? { out: opts.out } : {}) };
}
