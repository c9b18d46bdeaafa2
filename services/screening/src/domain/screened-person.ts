import { createHash } from 'node:crypto';
import type { PersonQuery } from '@vetting/matching';
import type { EventPersonalByType } from '@vetting/contracts';

type EventPerson = EventPersonalByType['candidate.submitted']['person'];

/**
 * What screening keeps of a candidate: exactly the fields the matcher reads (names, date of birth,
 * nationalities, gender, documents, service number). Nomination, consent and contact data are
 * never stored here. Kept so every candidate can be re-screened when a list changes.
 */
export interface ScreenedPerson {
  names: { full: string; script?: string }[];
  dateOfBirth?: string;
  nationalities: string[];
  gender?: 'male' | 'female' | 'other';
  documents: { type: string; number: string; country?: string }[];
  serviceNumber?: string;
}

export function minimisePerson(person: EventPerson): ScreenedPerson {
  return {
    names: person.names.map((n) => (n.script ? { full: n.full, script: n.script } : { full: n.full })),
    ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
    nationalities: [...(person.nationalities ?? [])].sort(),
    ...(person.gender ? { gender: person.gender } : {}),
    documents: (person.documents ?? []).map((d) => ({ type: d.type, number: d.number, ...(d.country ? { country: d.country } : {}) })),
    ...(person.serviceNumber ? { serviceNumber: person.serviceNumber } : {}),
  };
}

/**
 * A stable keyed hash (`hmac`: screening's fingerprint key) of the screened data. A reviewer's
 * decision on a hit is keyed on it (with the list entry's content hash): the same person screened
 * again against an unchanged entry keeps the decision; changed person data or a changed entry asks a
 * human again. Keyed, so a stored fingerprint confirms no guessed name and date of birth.
 */
export function personFingerprint(person: ScreenedPerson, hmac: (canonical: string) => string): string {
  const canonical = {
    names: person.names.map((n) => n.full.normalize('NFKC').trim().toLowerCase()).sort(),
    dateOfBirth: person.dateOfBirth ?? null,
    nationalities: [...person.nationalities].sort(),
    gender: person.gender ?? null,
    documents: person.documents.map((d) => `${d.type}:${d.number.replace(/[\s-]/g, '').toUpperCase()}:${d.country ?? ''}`).sort(),
    serviceNumber: person.serviceNumber?.replace(/[\s-]/g, '').toUpperCase() ?? null,
  };
  return hmac(JSON.stringify(canonical));
}

export function toPersonQuery(person: ScreenedPerson, confirmedEntryIds: string[] = []): PersonQuery {
  return {
    names: person.names.map((n) => n.full),
    ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
    ...(person.nationalities.length ? { nationalities: person.nationalities } : {}),
    ...(person.gender ? { gender: person.gender } : {}),
    documents: person.documents,
    serviceNumbers: person.serviceNumber ? [person.serviceNumber] : [],
    ...(confirmedEntryIds.length ? { confirmedEntryIds } : {}),
  };
}

/** The key a resolution is stored under: person fingerprint + list + entry + entry content hash. */
export function resolutionKey(fingerprint: string, listId: string, entryId: string, entryHash: string): string {
  return createHash('sha256').update(`${fingerprint}\n${listId}\n${entryId}\n${entryHash}`).digest('hex');
}
