import type { BanListEntry } from './ban-list-entry';
import { addName } from './entry-names';
import { parseCsvRecords, type CsvRecord } from './csv-records';
import { ProblemCollector } from './import-error';
import type { ImportResult, ImportWarning } from './import-result';
import { parseOfacRemarks } from './ofac-remarks.parser';
import { pushUnique } from './partial-date';
import { decodeUtf8, type FileContent } from './text-decoding';

const FORMAT = 'ofac-sdn-csv';

/** The legacy OFAC SDN CSV files; only `sdn` is required. */
export interface OfacSdnFiles {
  /** sdn.csv: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks. */
  sdn: FileContent;
  /** alt.csv: ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks. */
  alt?: FileContent;
  /** add.csv: ent_num, add_num, address, city/state/postal code, country, add_remarks. */
  add?: FileContent;
}

const COLUMNS = { sdn: 12, alt: 5, add: 6 } as const;

/**
 * Imports the individuals of the OFAC SDN list (vessels, aircraft and entities are skipped). Names stay
 * "SURNAME, Given" as OFAC writes them; dates and places of birth, nationality, gender and identity
 * numbers come from the Remarks column. A malformed row anywhere, in any of the three files, rejects all.
 */
export function importOfacSdn(files: OfacSdnFiles): ImportResult {
  const problems = new ProblemCollector(FORMAT);
  const warnings: ImportWarning[] = [];
  const sdn = readRecords(files.sdn, 'sdn', problems);
  const alt = files.alt === undefined ? [] : readRecords(files.alt, 'alt', problems);
  const add = files.add === undefined ? [] : readRecords(files.add, 'add', problems);

  const known = new Set<string>();
  const byId = new Map<string, BanListEntry>();
  for (const { fields, line } of sdn) {
    const [id = '', name = '', type = '', program = '', , , , , , , , remarks = ''] = fields.map(clean);
    if (!/^\d+$/.test(id)) problems.add({ line, field: 'ent_num', reason: `sdn.csv: ent_num "${id}" is not a number` });
    else if (known.has(id)) problems.add({ line, field: 'ent_num', reason: `sdn.csv: ent_num ${id} appears twice` });
    if (!name) problems.add({ line, field: 'SDN_Name', reason: 'sdn.csv: name missing' });
    known.add(id);
    if (type !== 'individual' || !name) continue;
    byId.set(id, toEntry(id, name, program, remarks, line, warnings));
  }
  for (const { fields, line } of alt) {
    const [id = '', , type = '', name = ''] = fields.map(clean);
    if (!known.has(id)) problems.add({ line, field: 'ent_num', reason: `alt.csv: ent_num "${id}" is not in sdn.csv` });
    else if (!name) problems.add({ line, field: 'alt_name', reason: 'alt.csv: alternate name missing' });
    else if (!/^[afn]ka$/i.test(type)) problems.add({ line, field: 'alt_type', reason: `alt.csv: unknown alt_type "${type}"` });
    const entry = byId.get(id);
    // aka, fka and nka are all names the person is (or was) known by: strong aliases alike.
    if (entry && name) addName(entry.names, name, 'alias');
  }
  for (const { fields, line } of add) {
    const [id = '', , street = '', city = '', country = ''] = fields.map(clean);
    if (!known.has(id)) problems.add({ line, field: 'ent_num', reason: `add.csv: ent_num "${id}" is not in sdn.csv` });
    const address = [street, city, country].filter(Boolean).join(', ');
    const entry = byId.get(id);
    if (entry && address) pushUnique((entry.addresses ??= []), address);
  }
  problems.throwIfAny();
  return { entries: [...byId.values()], warnings };
}

function readRecords(content: FileContent, file: keyof typeof COLUMNS, problems: ProblemCollector): CsvRecord[] {
  // The files end with a DOS end-of-file mark (Ctrl-Z) that is no record.
  const text = decodeUtf8(content, FORMAT).replace(/\x1a[\s\x1a]*$/, '');
  const records = parseCsvRecords(text, FORMAT, { file: `${file}.csv` });
  for (const { fields, line } of records) {
    if (fields.length !== COLUMNS[file]) {
      problems.add({ line, reason: `${file}.csv: ${fields.length} columns, expected ${COLUMNS[file]}` });
    }
  }
  return records.filter((r) => r.fields.length === COLUMNS[file]);
}

/** OFAC writes "-0-" (with trailing blanks) for an empty field. */
function clean(value: string): string {
  const v = value.trim();
  return v === '-0-' ? '' : v;
}

function toEntry(id: string, name: string, program: string, remarks: string, line: number, warnings: ImportWarning[]): BanListEntry {
  const parsed = parseOfacRemarks(remarks);
  for (const part of parsed.unreadable) warnings.push({ line, field: 'Remarks', reason: `sdn.csv: "${part}" unreadable; ignored` });
  const entry: BanListEntry = {
    id,
    names: [],
    datesOfBirth: parsed.datesOfBirth,
    placesOfBirth: parsed.placesOfBirth,
    nationalities: parsed.nationalities,
    documents: parsed.documents,
    serviceNumbers: [],
    addresses: [],
    category: 'sanctions',
    status: 'listed',
    // Programs come as "SDGT] [IRGC": the outer brackets were stripped by whoever made the CSV.
    sourceReference: `OFAC SDN ${id}${program ? ` [${program.replace(/\]\s*\[/g, ', ')}]` : ''}`,
  };
  addName(entry.names, name, 'primary');
  for (const alias of parsed.weakAliases) addName(entry.names, alias, 'weak-alias');
  if (parsed.gender) entry.gender = parsed.gender;
  if (remarks) entry.remarks = remarks;
  return entry;
}
