import type { Gender } from '@vetting/matching';
import type { BanListEntry } from './ban-list-entry';
import { toCountryCode } from './country-codes';
import { addName } from './entry-names';
import { ProblemCollector, type ImportProblem } from './import-error';
import type { ImportResult, ImportWarning } from './import-result';
import { pushUnique } from './partial-date';
import { decodeUtf8, type FileContent } from './text-decoding';
import { unDatesOfBirth } from './un-date-of-birth.parser';
import { unDocument } from './un-document.parser';
import { children, createLineLocator, isNode, parseXml, startOffset, text, values, type XmlNode } from './xml-node';

const FORMAT = 'un-consolidated-xml';
const ARRAY_TAGS = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'VALUE',
  'INDIVIDUAL_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'INDIVIDUAL_ADDRESS',
  'GENDER',
]);

/** Where a problem was found: the element path and the line its start tag is on. */
type Locate = (detail?: string) => Pick<ImportProblem, 'line' | 'element'>;

/**
 * Imports the individuals of the UN Security Council Consolidated List XML (entities are not people and
 * are skipped). A malformed file, an individual without reference number or name, or a repeated reference
 * number rejects the file; unreadable secondary data (an unknown country, an odd date) only warns.
 */
export function importUnConsolidatedList(content: FileContent): ImportResult {
  const xml = decodeUtf8(content, FORMAT);
  const root = parseXml(xml, FORMAT, ARRAY_TAGS);
  const problems = new ProblemCollector(FORMAT);
  const list = root['CONSOLIDATED_LIST'];
  if (!isNode(list)) {
    problems.add({
      line: 1,
      reason: 'root element CONSOLIDATED_LIST not found; is this the UN consolidated list?',
    });
    problems.throwIfAny();
  }
  const individuals = isNode(list) ? list['INDIVIDUALS'] : undefined;
  if (individuals === undefined) {
    problems.add({ element: 'CONSOLIDATED_LIST', reason: 'INDIVIDUALS element missing' });
    problems.throwIfAny();
  }

  const lineOf = createLineLocator(xml);
  const entries: BanListEntry[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Map<string, number>();
  children(isNode(individuals) ? individuals : {}, 'INDIVIDUAL').forEach((node, i) => {
    const line = lineOf(startOffset(node));
    const locate: Locate = (detail) => ({
      line,
      element: `INDIVIDUAL[${i + 1}]${detail ? `/${detail}` : ''}`,
    });
    const entry = toEntry(node, locate, problems, warnings);
    if (!entry) return;
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.add({
        ...locate('REFERENCE_NUMBER'),
        reason: `reference number ${entry.id} repeats INDIVIDUAL[${first}]`,
      });
      return;
    }
    seen.set(entry.id, i + 1);
    entries.push(entry);
  });
  problems.throwIfAny();
  // Attributes are not parsed (nothing else needs them); the root tag is near the top of the file.
  const publishedAt = /<CONSOLIDATED_LIST\b[^>]*\bdateGenerated=['"]([^'"]+)['"]/.exec(xml.slice(0, 2000))?.[1];
  return publishedAt ? { entries, warnings, publishedAt } : { entries, warnings };
}

function toEntry(node: XmlNode, locate: Locate, problems: ProblemCollector, warnings: ImportWarning[]): BanListEntry | undefined {
  const id = text(node, 'REFERENCE_NUMBER');
  const primary = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((k) => text(node, k))
    .filter(Boolean)
    .join(' ');
  if (!id) problems.add({ ...locate('REFERENCE_NUMBER'), reason: 'reference number missing' });
  if (!primary) problems.add({ ...locate('FIRST_NAME'), reason: 'individual has no name' });
  if (!id || !primary) return undefined;

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
    sourceReference: `UN SC Consolidated List ${id} (${text(node, 'UN_LIST_TYPE') || 'unknown regime'})`,
  };
  const warnAt = (element: string) => (reason: string) => warnings.push({ ...locate(element), reason });
  addName(entry.names, primary, 'primary');
  // The original-script name is the listed name itself, not an a.k.a., so it is primary too.
  addName(entry.names, text(node, 'NAME_ORIGINAL_SCRIPT'), 'primary');
  for (const alias of children(node, 'INDIVIDUAL_ALIAS')) {
    const name = text(alias, 'ALIAS_NAME');
    addName(entry.names, name, text(alias, 'QUALITY').toLowerCase() === 'low' ? 'weak-alias' : 'alias');
    // Some aliases carry their own date and place of birth: they are the person's, whatever name they used.
    const dob = text(alias, 'DATE_OF_BIRTH');
    if (dob) pushUnique(entry.datesOfBirth, ...unDatesOfBirth({ DATE: dob }, warnAt('INDIVIDUAL_ALIAS')));
    const pob = [text(alias, 'CITY_OF_BIRTH'), text(alias, 'COUNTRY_OF_BIRTH')].filter(Boolean).join(', ');
    if (pob) pushUnique(entry.placesOfBirth, pob);
  }
  for (const dob of children(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    pushUnique(entry.datesOfBirth, ...unDatesOfBirth(dob, warnAt('INDIVIDUAL_DATE_OF_BIRTH')));
  }
  for (const pob of children(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const place = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY']
      .map((k) => text(pob, k))
      .filter(Boolean)
      .join(', ');
    if (place) pushUnique(entry.placesOfBirth, place);
  }
  for (const nationality of values(node, 'NATIONALITY')) {
    const code = toCountryCode(nationality);
    if (code) pushUnique(entry.nationalities, code);
    else warnAt('NATIONALITY')(`nationality "${nationality}" is no ISO 3166 country; dropped`);
  }
  for (const doc of children(node, 'INDIVIDUAL_DOCUMENT')) {
    const document = unDocument(doc);
    if (document) entry.documents.push(document);
    else if (text(doc, 'TYPE_OF_DOCUMENT')) warnAt('INDIVIDUAL_DOCUMENT')('document without a number; dropped');
  }
  for (const address of children(node, 'INDIVIDUAL_ADDRESS')) {
    const line = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY']
      .map((k) => text(address, k))
      .filter(Boolean)
      .join(', ');
    if (line) pushUnique(entry.addresses!, line);
  }
  const gender = unGender(node);
  if (gender) entry.gender = gender;
  const listedOn = text(node, 'LISTED_ON');
  // xs:date may carry a zone ("2015-03-27-04:00"); the day is what matters.
  if (/^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(listedOn)) entry.listingDate = listedOn.slice(0, 10);
  else warnAt('LISTED_ON')(`listing date "${listedOn}" unreadable; left out`);
  const remarks = text(node, 'COMMENTS1');
  if (remarks) entry.remarks = remarks;
  return entry;
}

/** The GENDER element where present, else the "Gender: male" the comments often carry. */
function unGender(node: XmlNode): Gender | undefined {
  const element = node['GENDER'];
  const raw = Array.isArray(element) && typeof element[0] === 'string' ? element[0].trim() : '';
  const value = (raw || /\bgender\s*[:[]?\s*(male|female)\b/i.exec(text(node, 'COMMENTS1'))?.[1] || '').toLowerCase();
  return value === 'male' || value === 'female' ? value : undefined;
}
