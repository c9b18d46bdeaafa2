import type { IdentityDocument } from '@vetting/matching';
import type { BanListEntry } from './ban-list-entry';
import { toCountryCode } from './country-codes';
import { addName } from './entry-names';
import { ProblemCollector } from './import-error';
import type { ImportResult, ImportWarning } from './import-result';
import { ofacDocumentType, parseOfacDateOfBirth } from './ofac-remarks.parser';
import { pushUnique } from './partial-date';
import { decodeUtf8, type FileContent } from './text-decoding';
import { children, createLineLocator, isNode, parseXml, startOffset, text, type XmlNode } from './xml-node';

const FORMAT = 'ofac-consolidated-xml';
const ARRAY_TAGS = new Set([
  'sdnEntry',
  'aka',
  'program',
  'dateOfBirthItem',
  'placeOfBirthItem',
  'nationality',
  'citizenship',
  'id',
  'address',
]);

/**
 * Imports the individuals of an OFAC list in its structured XML layout (sdn.xml schema): the Consolidated
 * (non-SDN) list, and the SDN list's own sdn.xml. Names are written "LAST, First" like the SDN CSV;
 * strong a.k.a.s become aliases and weak ones weak aliases. Malformed XML, an entry without uid or last
 * name, or a repeated uid rejects the file; an unreadable date or country only warns.
 */
export function importOfacXml(content: FileContent): ImportResult {
  const xml = decodeUtf8(content, FORMAT);
  const root = parseXml(xml, FORMAT, ARRAY_TAGS);
  const problems = new ProblemCollector(FORMAT);
  const list = root['sdnList'];
  if (!isNode(list)) {
    problems.add({ line: 1, reason: 'root element sdnList not found; is this an OFAC XML list?' });
    problems.throwIfAny();
  }
  const lineOf = createLineLocator(xml);
  const entries: BanListEntry[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  children(list as XmlNode, 'sdnEntry').forEach((node, i) => {
    const at = { line: lineOf(startOffset(node)), element: `sdnEntry[${i + 1}]` };
    const id = text(node, 'uid');
    if (!id) problems.add({ ...at, field: 'uid', reason: 'uid missing' });
    else if (seen.has(id)) problems.add({ ...at, field: 'uid', reason: `uid ${id} appears twice` });
    if (!text(node, 'lastName')) problems.add({ ...at, field: 'lastName', reason: 'name missing' });
    if (!id || seen.has(id) || !text(node, 'lastName')) return;
    seen.add(id);
    if (text(node, 'sdnType') !== 'Individual') return;
    entries.push(toEntry(node, id, (field, reason) => warnings.push({ ...at, field, reason })));
  });
  problems.throwIfAny();
  const info = (list as XmlNode)['publshInformation']; // sic: OFAC's spelling
  const published = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(isNode(info) ? text(info, 'Publish_Date') : '');
  return published ? { entries, warnings, publishedAt: `${published[3]}-${published[1]}-${published[2]}` } : { entries, warnings };
}

function toEntry(node: XmlNode, id: string, warn: (field: string, reason: string) => void): BanListEntry {
  const programs = list(node, 'programList', 'program')
    .map((p) => (typeof p === 'string' ? p.trim() : ''))
    .filter(Boolean);
  const entry: BanListEntry = {
    id,
    names: [],
    datesOfBirth: [],
    placesOfBirth: [],
    nationalities: [],
    documents: [],
    serviceNumbers: [],
    addresses: [],
    category: 'sanctions',
    status: 'listed',
    sourceReference: `OFAC ${id}${programs.length ? ` [${programs.join(', ')}]` : ''}`,
  };
  addName(entry.names, fullName(node), 'primary');
  for (const aka of nodes(node, 'akaList', 'aka')) {
    addName(entry.names, fullName(aka), text(aka, 'category') === 'weak' ? 'weak-alias' : 'alias');
  }
  for (const item of nodes(node, 'dateOfBirthList', 'dateOfBirthItem')) {
    const dates = parseOfacDateOfBirth(text(item, 'dateOfBirth'));
    if (dates) pushUnique(entry.datesOfBirth, ...dates);
    else warn('dateOfBirth', `"${text(item, 'dateOfBirth')}" unreadable; dropped`);
  }
  for (const item of nodes(node, 'placeOfBirthList', 'placeOfBirthItem')) {
    const place = text(item, 'placeOfBirth');
    if (place) pushUnique(entry.placesOfBirth, place);
  }
  for (const item of [...nodes(node, 'nationalityList', 'nationality'), ...nodes(node, 'citizenshipList', 'citizenship')]) {
    const code = toCountryCode(text(item, 'country'));
    if (code) pushUnique(entry.nationalities, code);
    else warn('nationality', `"${text(item, 'country')}" is no ISO 3166 country; dropped`);
  }
  for (const item of nodes(node, 'idList', 'id')) readId(entry, item);
  for (const address of nodes(node, 'addressList', 'address')) {
    const line = ['address1', 'city', 'stateOrProvince', 'postalCode', 'country']
      .map((k) => text(address, k))
      .filter(Boolean)
      .join(', ');
    if (line) pushUnique(entry.addresses!, line);
  }
  const remarks = text(node, 'remarks');
  if (remarks) entry.remarks = remarks;
  return entry;
}

/** An idList item is a document, or (OFAC's habit) the gender. Sanctions notes and websites are skipped. */
function readId(entry: BanListEntry, item: XmlNode): void {
  const label = text(item, 'idType');
  const value = text(item, 'idNumber');
  if (label === 'Gender') {
    const gender = value.toLowerCase();
    if (gender === 'male' || gender === 'female') entry.gender = gender;
    return;
  }
  const type = ofacDocumentType(label);
  if (!type || !/\d/.test(value)) return;
  const document: IdentityDocument = { type, number: value };
  const country = toCountryCode(text(item, 'idCountry'));
  if (country) document.country = country;
  entry.documents.push(document);
}

function fullName(node: XmlNode): string {
  const last = text(node, 'lastName');
  const first = text(node, 'firstName');
  return first ? `${last}, ${first}` : last;
}

function list(node: XmlNode, wrapper: string, item: string): unknown[] {
  const w = node[wrapper];
  if (!isNode(w)) return [];
  const v = w[item];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function nodes(node: XmlNode, wrapper: string, item: string): XmlNode[] {
  return list(node, wrapper, item).filter(isNode);
}
