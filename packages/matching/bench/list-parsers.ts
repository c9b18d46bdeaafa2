/**
 * Minimal readers for the shared ban-list samples, for the benchmark only (the full importers live
 * in packages/banlists). They keep what matching needs: names, dates of birth, nationalities,
 * gender, documents.
 */
import { readFileSync } from 'node:fs';
import type { EntryName, IdentityDocument, ListEntry } from '../src/index';

export const DATA_DIR = process.env.BANLIST_DATA ?? new URL('../../../../shared/data/banlists/', import.meta.url).pathname;

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? decode(m[1]!) : undefined;
};
const tags = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1]!);

export interface UnEntry extends ListEntry {
  /** NAME_ORIGINAL_SCRIPT, kept apart so the benchmark can use it as a cross-script query. */
  originalScript?: string;
  individual: boolean;
}

/** UN Security Council Consolidated List XML. Original-script names are not put in `names`. */
export function parseUnXml(path = `${DATA_DIR}un/un_consolidated_2025-04-19.xml`): UnEntry[] {
  const xml = readFileSync(path, 'utf8');
  const out: UnEntry[] = [];
  for (const [block, individual] of [
    ...tags(xml, 'INDIVIDUAL').map((b) => [b, true] as const),
    ...tags(xml, 'ENTITY').map((b) => [b, false] as const),
  ]) {
    const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
      .map((t) => tag(block, t))
      .filter(Boolean)
      .join(' ');
    const names: EntryName[] = [{ full: primary, kind: 'primary' }];
    for (const a of tags(block, individual ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS')) {
      const full = tag(a, 'ALIAS_NAME');
      if (full) names.push({ full, kind: tag(a, 'QUALITY') === 'Low' ? 'weak-alias' : 'alias' });
    }
    const dobs: string[] = [];
    for (const d of tags(block, 'INDIVIDUAL_DATE_OF_BIRTH')) {
      const date = tag(d, 'DATE');
      const year = tag(d, 'YEAR');
      if (date) dobs.push(date.slice(0, 10));
      else if (year) dobs.push(year);
    }
    const documents: IdentityDocument[] = tags(block, 'INDIVIDUAL_DOCUMENT')
      .map((d) => ({
        type: tag(d, 'TYPE_OF_DOCUMENT'),
        number: tag(d, 'NUMBER') ?? '',
        country: tag(d, 'ISSUING_COUNTRY') ?? tag(d, 'COUNTRY_OF_ISSUE'),
      }))
      .filter((d) => d.number);
    const nat = block.match(/<NATIONALITY>([\s\S]*?)<\/NATIONALITY>/);
    const gender = tag(block, 'GENDER')?.toLowerCase();
    out.push({
      id: `UN-${tag(block, 'REFERENCE_NUMBER') ?? tag(block, 'DATAID')}`,
      names: names.filter((n) => n.full),
      datesOfBirth: dobs,
      nationalities: nat ? tags(nat[1]!, 'VALUE').map(decode) : [],
      gender: gender === 'male' || gender === 'female' ? gender : undefined,
      documents,
      serviceNumbers: [],
      originalScript: tag(block, 'NAME_ORIGINAL_SCRIPT'),
      individual,
    });
  }
  return out;
}

/** RFC 4180-ish CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};
const nil = (s: string | undefined) => (s === undefined || s.trim() === '-0-' ? '' : s.trim());

export interface OfacEntry extends ListEntry {
  individual: boolean;
}

/** OFAC SDN legacy CSV trio (sdn.csv + alt.csv); DOB, nationality, passports and gender parsed from the remarks. */
export function parseOfacSdn(dir = `${DATA_DIR}ofac_sdn_2021/`): OfacEntry[] {
  const byId = new Map<string, OfacEntry>();
  for (const r of parseCsv(readFileSync(`${dir}sdn.csv`, 'utf8'))) {
    const [id, name, type, , , , , , , , , remarks] = r.map((f) => nil(f));
    if (!id || !name) continue;
    const rem = remarks ?? '';
    const dobs = [...rem.matchAll(/DOB (?:circa )?(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})/g)].map((m) =>
      m[2] && MONTHS[m[2].toLowerCase()] ? `${m[3]}-${MONTHS[m[2].toLowerCase()]}${m[1] ? `-${m[1].padStart(2, '0')}` : ''}` : m[3]!,
    );
    const documents = [...rem.matchAll(/(Passport|Cedula No\.|National ID No\.) ([A-Z0-9-]+)(?: \(([^)]+)\))?/g)].map((m) => ({
      type: m[1] === 'Passport' ? 'passport' : 'national-id',
      number: m[2]!,
      country: m[3],
    }));
    const gender = /Gender (Male|Female)/.exec(rem)?.[1]?.toLowerCase() as 'male' | 'female' | undefined;
    byId.set(id, {
      id: `OFAC-${id}`,
      names: [{ full: name, kind: 'primary' }],
      datesOfBirth: dobs,
      nationalities: [...rem.matchAll(/nationality ([A-Z][A-Za-z ]+?)(?:;|\.|$)/g)].map((m) => m[1]!),
      gender,
      documents,
      serviceNumbers: [],
      individual: type === 'individual',
    });
  }
  for (const r of parseCsv(readFileSync(`${dir}alt.csv`, 'utf8'))) {
    const [id, , type, name] = r.map((f) => nil(f));
    const e = id ? byId.get(id) : undefined;
    if (e && name) e.names.push({ full: name, kind: type === 'aka' ? 'alias' : 'weak-alias' });
  }
  return [...byId.values()];
}
