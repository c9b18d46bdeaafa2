import type { EntryName, IdentityDocument } from '@vetting/matching';
import { BAN_CATEGORIES, BAN_STATUSES, DOCUMENT_TYPES, GENDERS, type BanListEntry } from './ban-list-entry';
import { isCountryCode } from './country-codes';
import { isPartialDate } from './partial-date';
import { isScriptCode } from './script-detection';

/** Receives one problem: the property (JSON path below the entry) and why it is wrong. */
export type ReportProblem = (field: string, reason: string) => void;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const NAME_KINDS: readonly string[] = ['primary', 'alias', 'weak-alias'];
const KNOWN_FIELDS = new Set([
  'id',
  'names',
  'datesOfBirth',
  'placesOfBirth',
  'nationalities',
  'gender',
  'documents',
  'serviceNumbers',
  'addresses',
  'category',
  'status',
  'listingDate',
  'sourceReference',
  'remarks',
]);

/**
 * Checks one record of the platform format (the {@link BanListEntry} shape, as in
 * schema/ban-list.schema.json) and reports every problem, not just the first, so one upload shows
 * the officer everything to fix. Returns the entry only when there was none.
 */
export function validatePlatformEntry(value: unknown, report: ReportProblem): BanListEntry | undefined {
  if (!isObject(value)) {
    report('', 'entry must be an object');
    return undefined;
  }
  let ok = true;
  const fail: ReportProblem = (field, reason) => {
    ok = false;
    report(field, reason);
  };
  for (const key of Object.keys(value)) if (!KNOWN_FIELDS.has(key)) fail(key, 'unknown field');

  const id = requiredString(value, 'id', fail);
  if (id && !ID.test(id)) fail('id', 'use letters, digits and . _ : / - (at most 64)');
  const names = array(value, 'names', fail, (n, at) => validName(n, at, fail));
  if (names && !names.some((n) => n?.kind === 'primary')) fail('names', 'at least one primary name is required');
  const datesOfBirth = array(value, 'datesOfBirth', fail, (d, at) =>
    typeof d === 'string' && isPartialDate(d) ? d : void fail(at, `"${String(d)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`),
  );
  const placesOfBirth = array(value, 'placesOfBirth', fail, (p, at) => nonEmpty(p, at, fail));
  const nationalities = array(value, 'nationalities', fail, (c, at) =>
    typeof c === 'string' && isCountryCode(c) ? c : void fail(at, `"${String(c)}" is not an ISO 3166-1 alpha-2 code`),
  );
  const documents = array(value, 'documents', fail, (d, at) => validDocument(d, at, fail));
  const serviceNumbers = array(value, 'serviceNumbers', fail, (s, at) => nonEmpty(s, at, fail));
  const addresses = value['addresses'] === undefined ? undefined : array(value, 'addresses', fail, (a, at) => nonEmpty(a, at, fail));
  const category = oneOf(value, 'category', BAN_CATEGORIES, fail, true);
  const status = oneOf(value, 'status', BAN_STATUSES, fail, true);
  const gender = oneOf(value, 'gender', GENDERS, fail, false);
  const listingDate = requiredString(value, 'listingDate', fail);
  if (listingDate && !isPartialDate(listingDate)) fail('listingDate', `"${listingDate}" is not a date (YYYY-MM-DD)`);
  const sourceReference = requiredString(value, 'sourceReference', fail);
  const remarks = value['remarks'];
  if (remarks !== undefined && typeof remarks !== 'string') fail('remarks', 'must be text');
  if (!ok) return undefined;

  const entry: BanListEntry = {
    id: id!,
    names: names as EntryName[],
    datesOfBirth: datesOfBirth as string[],
    placesOfBirth: placesOfBirth as string[],
    nationalities: nationalities as string[],
    documents: documents as IdentityDocument[],
    serviceNumbers: serviceNumbers as string[],
    category: category!,
    status: status!,
    listingDate: listingDate!,
    sourceReference: sourceReference!,
  };
  if (addresses) entry.addresses = addresses as string[];
  if (gender) entry.gender = gender;
  if (typeof remarks === 'string' && remarks.trim()) entry.remarks = remarks.trim();
  return entry;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function requiredString(o: Record<string, unknown>, key: string, fail: ReportProblem): string | undefined {
  const v = o[key];
  if (v === undefined || v === null || v === '') return void fail(key, 'required');
  if (typeof v !== 'string') return void fail(key, 'must be text');
  if (!v.trim()) return void fail(key, 'required');
  return v.trim();
}

function nonEmpty(v: unknown, at: string, fail: ReportProblem): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  return void fail(at, 'must be non-empty text');
}

/** Arrays are optional (absent = empty) but, when present, every item must be valid. */
function array<T>(o: Record<string, unknown>, key: string, fail: ReportProblem, item: (v: unknown, at: string) => T | undefined) {
  const v = o[key];
  if (v === undefined) return key === 'names' ? void fail(key, 'required') : [];
  if (!Array.isArray(v)) return void fail(key, 'must be a list');
  return v.map((x, i) => item(x, `${key}[${i}]`));
}

function oneOf<T extends string>(o: Record<string, unknown>, key: string, allowed: readonly T[], fail: ReportProblem, required: boolean) {
  const v = o[key];
  if (v === undefined || v === '') return required ? void fail(key, `required (one of ${allowed.join(', ')})`) : undefined;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  return void fail(key, `"${String(v)}" is not one of ${allowed.join(', ')}`);
}

function validName(n: unknown, at: string, fail: ReportProblem): EntryName | undefined {
  if (!isObject(n)) return void fail(at, 'must be { full, script?, kind }');
  const full = nonEmpty(n['full'], `${at}.full`, fail);
  const kind = n['kind'];
  if (typeof kind !== 'string' || !NAME_KINDS.includes(kind))
    fail(`${at}.kind`, `"${String(kind)}" is not one of ${NAME_KINDS.join(', ')}`);
  const script = n['script'];
  if (script !== undefined && (typeof script !== 'string' || !isScriptCode(script)))
    fail(`${at}.script`, `"${String(script)}" is not an ISO 15924 code such as Latn, Arab, Cyrl`);
  if (!full) return undefined;
  return { full, ...(typeof script === 'string' ? { script } : {}), kind: kind as EntryName['kind'] };
}

function validDocument(d: unknown, at: string, fail: ReportProblem): IdentityDocument | undefined {
  if (!isObject(d)) return void fail(at, 'must be { type, number, country? }');
  const number = nonEmpty(d['number'], `${at}.number`, fail);
  const type = d['type'];
  if (typeof type !== 'string' || !(DOCUMENT_TYPES as readonly string[]).includes(type))
    fail(`${at}.type`, `"${String(type)}" is not one of ${DOCUMENT_TYPES.join(', ')}`);
  const country = d['country'];
  if (country !== undefined && (typeof country !== 'string' || !isCountryCode(country)))
    fail(`${at}.country`, `"${String(country)}" is not an ISO 3166-1 alpha-2 code`);
  if (!number) return undefined;
  return { type: type as string, number, ...(typeof country === 'string' ? { country } : {}) };
}
