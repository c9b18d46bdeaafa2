import { Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { AppError } from '@vetting/platform';
import { CSV_COLUMNS, normaliseHeader } from '../domain/contingent-row';
import { MAX_ROWS, type UploadFormat } from '../domain/upload';

/** One data row of a contingent file: its 1-based number, and either the parsed record or why it could not be parsed. */
export type FileRow = { row: number; record: Record<string, unknown>; csv: boolean } | { row: number; problem: string };

const fileError = (code: string, status: number, message: string) =>
  new AppError(`UPLOAD.${code}`, message, { status, errors: [{ field: 'body', reason: message }] });
const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Counts bytes (refusing more than `maxBytes`), checks the encoding (UTF-8 with or without BOM; a
 * UTF-16/32 BOM, a NUL byte or an invalid UTF-8 sequence is refused, naming the byte offset) and
 * passes the text on. Nothing is buffered beyond one chunk.
 */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private bytes = 0;
  constructor(private readonly maxBytes: number) {
    super({ readableObjectMode: true });
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    if (this.bytes === 0 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)))
      return done(fileError('NOT_UTF8', 415, 'The file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8 (CSV UTF-8)'));
    const offset = this.bytes;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(fileError('TOO_LARGE', 413, `The file is larger than ${this.maxBytes} bytes`));
    const nul = chunk.indexOf(0);
    if (nul >= 0)
      return done(
        fileError(
          'NOT_UTF8',
          415,
          `The file contains a NUL byte at byte ${offset + nul}: it is not UTF-8 text (UTF-16?); save it as UTF-8`,
        ),
      );
    try {
      done(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      done(
        fileError(
          'NOT_UTF8',
          415,
          `The file is not valid UTF-8 (near byte ${offset}); save it as UTF-8 (e.g. "CSV UTF-8" in Excel), not Latin-1 or Windows-1252`,
        ),
      );
    }
  }
  override _flush(done: TransformCallback) {
    try {
      const rest = this.decoder.decode();
      done(null, rest || undefined);
    } catch {
      done(fileError('NOT_UTF8', 415, 'The file ends in the middle of a UTF-8 character'));
    }
  }
}

async function* csvRows(text: Readable): AsyncGenerator<FileRow> {
  const known = new Set(Object.keys(CSV_COLUMNS));
  const parser = parseCsv({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    columns: (header: string[]) => {
      const columns = header.map(normaliseHeader);
      const unknown = columns.filter((c) => !known.has(c));
      if (unknown.length)
        throw fileError('UNKNOWN_COLUMNS', 400, `Unknown column(s): ${unknown.join(', ')}. Known columns: ${[...known].join(', ')}`);
      if (!columns.includes('name')) throw fileError('MISSING_COLUMNS', 400, 'The header row must have a "name" column');
      return columns;
    },
  });
  let row = 0;
  try {
    for await (const record of pipeline(text, parser, () => undefined) as AsyncIterable<Record<string, string>>)
      yield { row: ++row, record, csv: true };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as { code?: string; lines?: number; message: string };
    throw fileError('MALFORMED_CSV', 400, `The CSV cannot be read after data row ${row} (line ${e.lines ?? '?'}): ${e.message}`);
  }
}

/**
 * Splits a top-level JSON array into its elements without holding the whole document: tracks depth and
 * strings, and parses each element alone, so one broken element is one bad row, not a broken file.
 */
async function* jsonRows(text: AsyncIterable<string>): AsyncGenerator<FileRow> {
  let started = false,
    done = false,
    inString = false,
    escape = false,
    depth = 0,
    current = '',
    row = 0;
  const emit = (): FileRow | undefined => {
    const source = current.trim();
    current = '';
    if (!source) return undefined;
    row++;
    try {
      const value = JSON.parse(source) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value)
        ? { row, record: value as Record<string, unknown>, csv: false }
        : { row, problem: 'must be a JSON object' };
    } catch {
      return { row, problem: 'is not valid JSON' };
    }
  };
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (done) {
        if (!/\s/.test(ch ?? '')) throw fileError('MALFORMED_JSON', 400, 'Unexpected content after the JSON array');
        continue;
      }
      if (!started) {
        if (/\s|\uFEFF/.test(ch ?? '')) continue;
        if (ch !== '[') throw fileError('MALFORMED_JSON', 400, 'A JSON upload must be an array of candidate objects');
        started = true;
        depth = 1;
        start = i + 1;
        continue;
      }
      if (inString) {
        if (escape) escape = false;
        else if (ch === '\\') escape = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (depth === 1 && (ch === ',' || ch === ']')) {
        current += chunk.slice(start, i);
        start = i + 1;
        const item = emit();
        if (item) yield item;
        if (ch === ']') {
          done = true;
          depth = 0;
        }
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (started && !done) current += chunk.slice(start);
    if (current.length > MAX_RECORD_CHARS)
      throw fileError('MALFORMED_JSON', 400, `Element ${row + 1} is larger than ${MAX_RECORD_CHARS} characters`);
  }
  if (!done) throw fileError('MALFORMED_JSON', 400, started ? 'The JSON array is not closed (truncated file?)' : 'The file is empty');
}

/** Streams the rows of a contingent file; file-level problems (encoding, size, layout, row count) throw an AppError. */
export async function* readContingentFile(body: Readable, format: UploadFormat, maxBytes: number): AsyncGenerator<FileRow> {
  // Piped by hand, not with pipeline(): on a bad file the request must be drained, not destroyed, so
  // the client still receives the problem+json answer.
  const text = new Utf8Check(maxBytes);
  body.on('error', (error) => text.destroy(error));
  text.on('error', () => {
    body.unpipe(text);
    body.resume();
  });
  body.pipe(text);
  let count = 0;
  for await (const row of format === 'csv' ? csvRows(text) : jsonRows(text as AsyncIterable<string>)) {
    if (++count > MAX_ROWS) {
      body.resume(); // drain what is left so the response can be sent
      throw fileError('TOO_MANY_ROWS', 413, `An upload holds at most ${MAX_ROWS} rows`);
    }
    yield row;
  }
}
