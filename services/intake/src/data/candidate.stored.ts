import type { Candidate, TimelineEntry } from '../domain/candidate';
import type { PersonalCipher, PersonalData } from './personal-data.cipher';

/**
 * A candidate as stored in a revision and in the view: the personal sections sealed into one string
 * (`personal`, see personal-data.cipher.ts) and the timeline as JSON text, so a document has few,
 * flat fields (FerretDB v1 converts every nested field on write and read; bulk uploads write 10,000
 * at once). Fields that are queried (country, nomination.rotation, status, declarationFlagged,
 * createdAt) stay fields.
 */
export type StoredCandidate = Omit<Candidate, 'id' | 'person' | 'selfDeclaration' | 'timeline'> & {
  personal?: string;
  timeline: string;
} & Record<string, unknown>;

/** The stored form; `personal` is the sealed person and self-declaration (undefined once erased). */
export function toStored(c: Candidate, personal: string | undefined): StoredCandidate {
  const { id: _id, person: _p, selfDeclaration: _s, timeline, ...rest } = c;
  return { ...rest, ...(personal ? { personal } : {}), timeline: JSON.stringify(timeline) };
}

/** A candidate from its stored form and its opened personal data. */
export function fromStored(id: string, s: StoredCandidate, data: PersonalData): Candidate {
  const { personal: _p, timeline, _id: _i, _rev: _r, _updatedAt: _u, ...rest } = s;
  return {
    ...(rest as unknown as Omit<Candidate, 'id' | 'person' | 'timeline'>),
    id,
    person: data.person,
    ...(data.selfDeclaration ? { selfDeclaration: data.selfDeclaration } : {}),
    timeline: JSON.parse(timeline) as TimelineEntry[],
  };
}

/** Opens many stored candidates, a few at a time (each person's data key is one read by _id). */
export async function openAll(docs: (StoredCandidate & { _id: string })[], cipher: PersonalCipher, concurrency = 20): Promise<Candidate[]> {
  const out: Candidate[] = new Array(docs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < docs.length; i = next++) out[i] = fromStored(docs[i]!._id, docs[i]!, await cipher.open(docs[i]!.personal));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, docs.length) }, worker));
  return out;
}
