import type { Nomination, Person } from './candidate';

export type MatchedOn = 'document-number' | 'service-number' | 'name-and-date-of-birth';

export interface DedupeKey {
  key: string;
  kind: MatchedOn;
}

/** Case, accents, punctuation and word order do not make a different person ("MENSAH, Kwame" = "Kwame Mensah"). */
export function normaliseName(full: string): string {
  return full
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

const normaliseNumber = (n: string) => n.toUpperCase().replace(/[\s/-]+/g, '');

/**
 * The scope in which a person is one candidate: a country's nomination for one rotation of one mission.
 * The same person nominated for a later rotation is a new nomination (vetting is per deployment).
 */
export const dedupeScope = (country: string, n: Pick<Nomination, 'mission' | 'rotation'>) => `${country}|${n.mission}|${n.rotation}`;

/**
 * Keys that identify a person within a scope, strongest first: identity-document and service numbers,
 * then the normalised name with the date of birth. A row matching another on any document or service
 * number is the same person; only when neither has such a match does name + date of birth decide.
 * `blind` (a keyed hash) hides the identifying part: keys are stored and compared, never read back.
 */
export function dedupeKeys(scope: string, person: Person, blind: (value: string) => string): DedupeKey[] {
  const keys: DedupeKey[] = [];
  const key = (tag: string, value: string) => `${scope}|${tag}|${blind(`${tag}|${value}`)}`;
  for (const d of person.documents ?? [])
    keys.push({ key: key('doc', `${d.type}|${d.country ?? ''}|${normaliseNumber(d.number)}`), kind: 'document-number' });
  if (person.serviceNumber) keys.push({ key: key('svc', normaliseNumber(person.serviceNumber)), kind: 'service-number' });
  if (person.dateOfBirth)
    for (const name of person.names) {
      // Underscores keep word boundaries through the blind index's normalisation ("ab c" ≠ "a bc").
      const n = normaliseName(name.full).replace(/ /g, '_');
      if (n) keys.push({ key: key('name', `${n}|${person.dateOfBirth}`), kind: 'name-and-date-of-birth' });
    }
  return [...new Map(keys.map((k) => [k.key, k])).values()];
}

/** The first existing owner of the row's keys, identifiers before names; undefined when the person is new. */
export function findExisting(
  keys: DedupeKey[],
  owner: (key: string) => string | undefined,
  self?: string,
): { candidateId: string; matchedOn: MatchedOn } | undefined {
  for (const kind of ['document-number', 'service-number', 'name-and-date-of-birth'] as const)
    for (const k of keys)
      if (k.kind === kind) {
        const id = owner(k.key);
        if (id && id !== self) return { candidateId: id, matchedOn: kind };
      }
  return undefined;
}
