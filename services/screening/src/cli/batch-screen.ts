/**
 * Batch screening with the service's engine and outcome rules, for benchmarks and offline use:
 *
 *   npx tsx src/cli/batch-screen.ts --list un.xml --list bar.csv --queries people.jsonl [--out results.jsonl]
 *   npm run screen:batch -w services/screening -- --list ... --queries ...
 *
 * See README "Batch CLI" for the options and the line formats. Progress goes to stderr.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ActiveLists } from '../domain/active-lists';
import { loadListFile } from './list-file.loader';
import { screenQueryLine } from './query-line';

const USAGE = `usage: batch-screen --list <[format:]file> [--list ...] --queries <file.jsonl|-> [--out <file.jsonl>] [--explain] [--weak] [--upper 0.7 --lower 0.5]`;

async function main() {
  const { values } = parseArgs({
    options: {
      list: { type: 'string', multiple: true },
      queries: { type: 'string' },
      out: { type: 'string' },
      explain: { type: 'boolean', default: false },
      weak: { type: 'boolean', default: false },
      upper: { type: 'string' },
      lower: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.list?.length || !values.queries) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const thresholds = values.upper && values.lower ? { upper: Number(values.upper), lower: Number(values.lower) } : undefined;
  const lists = new ActiveLists(thresholds);
  for (const spec of values.list) {
    const started = Date.now();
    const loaded = loadListFile(spec);
    lists.replace(loaded.ref, loaded.entries);
    process.stderr.write(
      `list ${loaded.ref.listId}: ${loaded.entries.length} entries (${loaded.format}), indexed in ${Date.now() - started} ms\n`,
    );
  }
  const input = values.queries === '-' ? process.stdin : createReadStream(values.queries);
  const out: NodeJS.WritableStream = values.out ? createWriteStream(values.out) : process.stdout;
  const started = Date.now();
  let lineNo = 0;
  let errors = 0;
  const counts: Record<string, number> = {};
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo += 1;
    if (!line.trim()) continue;
    const result = screenQueryLine(line, lineNo, lists, { explain: values.explain, weak: values.weak });
    if ('error' in result) errors += 1;
    else counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
    if (!out.write(`${JSON.stringify(result)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    if (lineNo % 1000 === 0) process.stderr.write(`${lineNo} queries, ${Math.round(lineNo / ((Date.now() - started) / 1000))}/s\n`);
  }
  if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(`done: ${lineNo} lines in ${seconds.toFixed(1)} s; ${JSON.stringify(counts)}; ${errors} bad line(s)\n`);
  process.exitCode = errors ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
