import { CsvError, parse } from 'csv-parse/sync';
import { ImportError, type ImportFormat } from './import-error';

/** One CSV record with the 1-based line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Parses CSV strictly (an unclosed quote or a stray quote inside a field is an error, named with its line).
 * Column counts are left to the caller, which knows what a row should hold and says so in its message.
 */
export function parseCsvRecords(text: string, format: ImportFormat, options: { file?: string } = {}): CsvRecord[] {
  const where = options.file ? `${options.file}: ` : '';
  try {
    const rows = parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{
      record: string[];
      raw: string;
      info: { lines: number };
    }>;
    return rows.map(({ record, raw, info }) => ({
      fields: record,
      line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
    }));
  } catch (cause) {
    if (cause instanceof CsvError) {
      const line = typeof cause['lines'] === 'number' ? cause['lines'] : undefined;
      throw new ImportError(format, [{ line, reason: `${where}malformed CSV: ${cause.message}` }], { cause });
    }
    throw cause;
  }
}
