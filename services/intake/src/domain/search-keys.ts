import type { Person } from './candidate';
import { normaliseName } from './dedupe-keys';

/**
 * Searching a roll by name while names stay sealed: every word of every name (and the service
 * number) is stored as a keyed hash (the blind index), so the database can match whole words without
 * ever holding a name. Whole words only, any order, case and accents ignored: "sherpa PEMBA" finds
 * "Pemba Sherpa Lama"; "Pem" finds nothing (a prefix would need the words themselves).
 */
const WORD = 'w';
const SERVICE_NUMBER = 's';

const words = (text: string) =>
  normaliseName(text)
    .split(' ')
    .filter((w) => w.length > 0);

/** The keys stored for a person (none once erased: an erased person cannot be found by name). */
export function searchKeysOf(person: Person | undefined, blind: (value: string) => string): string[] {
  if (!person) return [];
  const keys = new Set<string>();
  for (const name of person.names) for (const w of words(name.full)) keys.add(blind(`${WORD}|${w}`));
  if (person.serviceNumber) keys.add(blind(`${SERVICE_NUMBER}|${person.serviceNumber}`));
  return [...keys];
}

export interface SearchQuery {
  /** A case reference as written (`GH-2026-…`), matched exactly. */
  caseReference?: string;
  /** Keys every one of which a match must have (all the words typed). */
  allOf: string[];
  /** The whole text as a service number (an alternative to the words). */
  serviceNumber?: string;
}

const CASE_REFERENCE = /^[A-Za-z]{2}-\d{4}-[0-9A-Za-z]{8}$/;

/** What a search box's text asks for: a case reference, or name words / a service number. */
export function searchQueryOf(text: string, blind: (value: string) => string): SearchQuery {
  const trimmed = text.trim();
  if (CASE_REFERENCE.test(trimmed)) return { caseReference: trimmed.toUpperCase(), allOf: [] };
  return { allOf: words(trimmed).map((w) => blind(`${WORD}|${w}`)), serviceNumber: blind(`${SERVICE_NUMBER}|${trimmed}`) };
}
