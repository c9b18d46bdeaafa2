import type { Gender, IdentityDocument, PartialDate } from '@vetting/matching';
import { toCountryCode } from './country-codes';
import { parseEnglishDate, pushUnique, yearOf, yearsBetween } from './partial-date';

/** What the free-text Remarks column of the OFAC SDN CSV says about an individual. */
export interface OfacRemarks {
  datesOfBirth: PartialDate[];
  placesOfBirth: string[];
  nationalities: string[];
  gender?: Gender;
  documents: IdentityDocument[];
  /** OFAC's low-quality a.k.a.s ("a.k.a. 'PACHO'"), which the legacy CSV keeps in the remarks. */
  weakAliases: string[];
  /** Parts that looked like data but could not be read, for the import warnings. */
  unreadable: string[];
}

/** Remarks labels for identity numbers and the document type each means; tried in order. */
const DOCUMENT_LABELS: Array<[RegExp, IdentityDocument['type']]> = [
  [/^Passport(?: No\.?)?/, 'passport'],
  [/^Diplomatic Passport/, 'passport'],
  [/^National ID No\./, 'national-id'],
  [/^Cedula No\./, 'national-id'],
  [/^D\.N\.I\./, 'national-id'],
  [/^C\.U\.R\.P\.(?: #)?/, 'national-id'],
  [/^SSN/, 'national-id'],
  [/^Personal ID Card/, 'national-id'],
  [/^Identification Number/, 'other'],
  [/^Cartilla de Servicio Militar Nacional/, 'military-id'],
  [/^Driver's License No\./, 'driving-licence'],
  [/^(?:R\.F\.C\.|RFC|NIT #|Tax ID No\.)/, 'other'],
];

/**
 * Reads "DOB 01 Jan 1960; alt. DOB 1961; POB Baghdad, Iraq; nationality Iraq; Passport A123456 (Iraq);
 * National ID No. 123; Gender Male; a.k.a. 'ABU X'". Parts it does not know (titles, "Linked To:",
 * sanctions notes) are ignored: the caller keeps the full text as the entry's remarks.
 */
export function parseOfacRemarks(remarks: string): OfacRemarks {
  const out: OfacRemarks = {
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    documents: [],
    weakAliases: [],
    unreadable: [],
  };
  for (const rawPart of splitRemarks(remarks)) {
    const part = rawPart.replace(/^alt\.\s+/, '');
    let m: RegExpExecArray | null;
    if ((m = /^DOB\s+(.+)$/.exec(part))) {
      const dates = parseOfacDateOfBirth(m[1]!);
      if (dates) pushUnique(out.datesOfBirth, ...dates);
      else out.unreadable.push(rawPart);
    } else if ((m = /^POB\s+(.+)$/.exec(part))) {
      pushUnique(out.placesOfBirth, m[1]!.trim());
    } else if ((m = /^(?:nationality|citizen):?\s+(.+)$/.exec(part))) {
      const code = toCountryCode(m[1]!);
      if (code) pushUnique(out.nationalities, code);
      else out.unreadable.push(rawPart);
    } else if ((m = /^Gender\s+(Male|Female)$/i.exec(part))) {
      out.gender = m[1]!.toLowerCase() as Gender;
    } else if ((m = /^a\.k\.a\.\s+'(.+)'$/.exec(part))) {
      pushUnique(out.weakAliases, m[1]!.trim());
    } else {
      const document = parseDocument(part);
      if (document) out.documents.push(document);
    }
  }
  return out;
}

/** Splits on ';' outside quotes (an a.k.a. may contain one) and drops the closing full stop. */
function splitRemarks(remarks: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of remarks) {
    // A quote opens an a.k.a. only after a space ("a.k.a. 'X"), not in "GAMA'AT".
    if (ch === "'" && (quoted || /\s$/.test(current))) quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim().replace(/\.$/, '').trim()).filter(Boolean);
}

/**
 * "10 Dec 1948", "Sep 1938", "1946", "circa 1951", "1951 to 1953", "01 Jan 1953 to 31 Dec 1954",
 * "circa 1979-1982". Approximate dates keep only their year and ranges become every year in them, so
 * a guessed day never contradicts a candidate's real one.
 */
export function parseOfacDateOfBirth(text: string): PartialDate[] | undefined {
  const circa = /^circa\s+/i.test(text);
  const body = text.replace(/^circa\s+/i, '').trim();
  const range = /^(.+?)\s*(?:\bto\b|-)\s*(.+)$/.exec(body);
  if (range) {
    const from = parseEnglishDate(range[1]!);
    const to = parseEnglishDate(range[2]!);
    if (!from || !to) return undefined;
    return yearsBetween(Number(yearOf(from)), Number(yearOf(to)));
  }
  const date = parseEnglishDate(body);
  if (!date) return undefined;
  return [circa ? yearOf(date) : date];
}

/** The document type for an OFAC identity label ("Passport", "Cedula No.", "National ID No."), if it is one. */
export function ofacDocumentType(label: string): IdentityDocument['type'] | undefined {
  const text = label.trim();
  return DOCUMENT_LABELS.find(([re]) => re.exec(text)?.[0] === text)?.[1];
}

/** "Passport A123456 (Iraq) issued 01 Jan 2000 expires 2010" → { passport, A123456, IQ }. */
function parseDocument(part: string): IdentityDocument | undefined {
  for (const [label, type] of DOCUMENT_LABELS) {
    const m = label.exec(part);
    if (!m) continue;
    const rest = part
      .slice(m[0].length)
      .trim()
      .replace(/\s+(?:issued|expires)\b.*$/, '');
    const withCountry = /^(.*?)\s*\(([^()]+)\)$/.exec(rest);
    const number = (withCountry ? withCountry[1]! : rest).trim();
    // "Passport and National ID were issued in Ulm" is prose, not a number.
    if (!/\d/.test(number) || number.split(/\s+/).length > 3) return undefined;
    const document: IdentityDocument = { type, number };
    const country = withCountry ? toCountryCode(withCountry[2]!) : undefined;
    if (country) document.country = country;
    return document;
  }
  return undefined;
}
