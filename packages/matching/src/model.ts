/**
 * The data model the matching engine reads. Importers (packages/banlists) and services map their
 * own records onto these shapes; the engine never sees anything else.
 */

/** A date that may be partial: "1975", "1975-03" or "1975-03-14" (ISO 8601 prefixes). */
export type PartialDate = string;

export type Gender = 'male' | 'female' | 'other';

export interface IdentityDocument {
  /** passport, national-id, military-id, police-id, driving-licence, other */
  type?: string;
  number: string;
  /** ISO 3166-1 alpha-2 issuing country */
  country?: string;
}

export interface EntryName {
  /** The name as written on the list, in any script. */
  full: string;
  /** ISO 15924 script code when the list says which (Arab, Cyrl, Latn...). */
  script?: string;
  /** primary: the listed name; alias: a good-quality a.k.a.; weak-alias: low-quality a.k.a. (OFAC/UN "weak"). */
  kind: 'primary' | 'alias' | 'weak-alias';
}

/** One person on a ban list, with every name they are known by. */
export interface ListEntry {
  id: string;
  names: EntryName[];
  datesOfBirth: PartialDate[];
  nationalities: string[];
  gender?: Gender;
  documents: IdentityDocument[];
  serviceNumbers: string[];
}

/** The person being screened. */
export interface PersonQuery {
  /** Names in any script: as written, original script, known aliases. At least one. */
  names: string[];
  dateOfBirth?: PartialDate;
  nationalities?: string[];
  gender?: Gender;
  documents?: IdentityDocument[];
  serviceNumbers?: string[];
  /** List entries a reviewer has confirmed to be this person: hits on them are band `match`. */
  confirmedEntryIds?: string[];
}
