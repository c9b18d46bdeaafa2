import type { EntryName } from '@vetting/matching';
import type { BanListEntry } from './ban-list-entry';
import { parseCsvRecords } from './csv-records';
import { ProblemCollector } from './import-error';
import type { ImportResult } from './import-result';
import { validatePlatformEntry } from './platform-entry.validator';
import { detectScript } from './script-detection';
import { decodeUtf8, type FileContent } from './text-decoding';

const FORMAT = 'platform-csv';

/** Columns of the platform CSV (FORMAT.md), with the entry property each one fills. */
export const PLATFORM_CSV_COLUMNS = {
  id: 'id',
  primary_name: 'names',
  aliases: 'names',
  weak_aliases: 'names',
  dates_of_birth: 'datesOfBirth',
  places_of_birth: 'placesOfBirth',
  nationalities: 'nationalities',
  gender: 'gender',
  documents: 'documents',
  service_numbers: 'serviceNumbers',
  addresses: 'addresses',
  category: 'category',
  status: 'status',
  listing_date: 'listingDate',
  source_reference: 'sourceReference',
  remarks: 'remarks',
} as const;
type Column = keyof typeof PLATFORM_CSV_COLUMNS;

const REQUIRED_COLUMNS: Column[] = ['id', 'primary_name', 'category', 'status', 'listing_date', 'source_reference'];
const NAME_COLUMNS = [
  ['primary_name', 'primary'],
  ['aliases', 'alias'],
  ['weak_aliases', 'weak-alias'],
] as const;

/**
 * Imports the platform's own CSV: a header row naming the columns (any order, unknown ones rejected),
 * then one person per row. Every bad row is reported with its spreadsheet row number (header = row 1),
 * its line in the file and the column; any bad row rejects the file.
 */
export function importPlatformCsv(content: FileContent): ImportResult {
  const records = parseCsvRecords(decodeUtf8(content, FORMAT), FORMAT);
  const problems = new ProblemCollector(FORMAT);
  const [header, ...rows] = records;
  if (!header) {
    problems.add({ line: 1, reason: 'file is empty; expected a header row' });
    problems.throwIfAny();
  }
  const columns = header!.fields.map((f) => f.trim().toLowerCase());
  if (columns.length === 1 && columns[0]!.includes(';')) {
    // Excel in many European locales saves "CSV" with ';' between cells, which is our value separator.
    problems.add({
      line: header!.line,
      row: 1,
      reason: 'cells are separated by \';\'; save as "CSV UTF-8 (comma delimited)"',
    });
    problems.throwIfAny();
  }
  columns.forEach((c, i) => {
    if (!(c in PLATFORM_CSV_COLUMNS)) problems.add({ line: header!.line, row: 1, field: c || `column ${i + 1}`, reason: 'unknown column' });
    else if (columns.indexOf(c) !== i) problems.add({ line: header!.line, row: 1, field: c, reason: 'column appears twice' });
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c)) problems.add({ line: header!.line, row: 1, field: c, reason: 'required column missing' });
  }
  problems.throwIfAny();

  const entries: BanListEntry[] = [];
  const firstRowOfId = new Map<string, number>();
  rows.forEach(({ fields, line }, i) => {
    const row = i + 2;
    const cells = new Map<Column, string>();
    columns.forEach((c, k) => cells.set(c as Column, (fields[k] ?? '').trim()));
    if (fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim())) {
      problems.add({ line, row, reason: `${fields.length} cells but ${columns.length} columns` });
      return;
    }
    const { record, nameColumns } = toRecord(cells);
    const entry = validatePlatformEntry(record, (field, reason) =>
      problems.add({ line, row, field: columnOf(field, nameColumns), reason }),
    );
    if (!entry) return;
    const first = firstRowOfId.get(entry.id);
    if (first !== undefined) problems.add({ line, row, field: 'id', reason: `id ${entry.id} already used on row ${first}` });
    else firstRowOfId.set(entry.id, row);
    entries.push(entry);
  });
  problems.throwIfAny();
  return { entries, warnings: [] };
}

/** Splits a multi-valued cell: values are separated by ';' (a spreadsheet keeps them in one cell). */
export function splitCell(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
}

function toRecord(cells: Map<Column, string>): { record: Record<string, unknown>; nameColumns: Column[] } {
  const names: EntryName[] = [];
  const nameColumns: Column[] = [];
  for (const [column, kind] of NAME_COLUMNS) {
    for (const value of splitCell(cells.get(column))) {
      names.push(toName(value, kind));
      nameColumns.push(column);
    }
  }
  const record: Record<string, unknown> = {
    id: cells.get('id'),
    names,
    datesOfBirth: splitCell(cells.get('dates_of_birth')),
    placesOfBirth: splitCell(cells.get('places_of_birth')),
    nationalities: splitCell(cells.get('nationalities')).map((c) => c.toUpperCase()),
    documents: splitCell(cells.get('documents')).map(toDocument),
    serviceNumbers: splitCell(cells.get('service_numbers')),
    category: cells.get('category')?.toLowerCase(),
    status: cells.get('status')?.toLowerCase(),
    listingDate: cells.get('listing_date'),
    sourceReference: cells.get('source_reference'),
  };
  if (cells.has('addresses')) record['addresses'] = splitCell(cells.get('addresses'));
  if (cells.get('gender')) record['gender'] = cells.get('gender')!.toLowerCase();
  if (cells.get('remarks')) record['remarks'] = cells.get('remarks');
  return { record, nameColumns };
}

/** "Arab:محمد علي" sets the script; without a prefix it is detected from the letters. */
function toName(value: string, kind: EntryName['kind']): EntryName {
  const m = /^([A-Za-z]{4}):\s*(.+)$/.exec(value);
  const full = m ? m[2]!.trim() : value;
  const script = m ? m[1]! : detectScript(full);
  return script ? { full, script, kind } : { full, kind };
}

/** "passport:A1234567:KE" → { type, number, country }; the country is optional. */
function toDocument(value: string): Record<string, string> {
  const [type = '', number = '', country, ...rest] = value.split(':').map((p) => p.trim());
  const doc: Record<string, string> = { type: type.toLowerCase(), number: rest.length ? '' : number };
  if (country) doc['country'] = country.toUpperCase();
  return doc;
}

/** The CSV column a validator path such as `names[2].full` or `documents[0].country` came from. */
function columnOf(field: string, nameColumns: Column[]): string {
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(field);
  const property = m?.[1] ?? field;
  if (property === 'names') return m?.[2] !== undefined ? (nameColumns[Number(m[2])] ?? 'primary_name') : 'primary_name';
  const column = (Object.keys(PLATFORM_CSV_COLUMNS) as Column[]).find((c) => PLATFORM_CSV_COLUMNS[c] === property);
  return column ?? field;
}
