import type { Candidate, TimelineEntry } from '../domain/candidate';
import type { PersonalCipher, PersonalData } from './personal-data.cipher';

/**
 * A candidate as stored in a revision and in the view: the personal sections sealed into one string
 * (`personal`, see personal-data.cipher.ts) and the timeline as JSON text, so a document has few,
 * flat fields (FerretDB v1 converts every nested field on write and read; bulk uploads write 10,000
 * at once). The store is packed (one JSON text per state); the fields queries use are copied
 * beside it (VIEW_FIELDS), the rotation among them as a top-level field.
 */
export type StoredCandidate = Omit<Candidate, 'id' | 'person' | 'selfDeclaration' | 'employmentDeclaration' | 'timeline' | 'withdrawal'> & {
  /** When it was withdrawn; the reason is sealed with the person (older rows hold it here). */
  withdrawal?: { at: string; reason?: string };
  personal?: string;
  timeline: string;
  /** The nomination's rotation and mission as top-level fields: the packed view keeps only top-level fields for queries. */
  rotation: string;
  mission?: string;
} & Record<string, unknown>;

/** Fields of the packed view that queries filter and sort on (see createAggregateStore's `packed`). */
export const VIEW_FIELDS = ['country', 'rotation', 'mission', 'status', 'declarationFlagged', 'createdAt', 'caseReference'] as const;

/** The stored form; `personal` is the sealed person, declarations and withdrawal reason (undefined once erased). */
export function toStored(c: Candidate, personal: string | undefined): StoredCandidate {
  const { id: _id, person: _p, selfDeclaration: _s, employmentDeclaration: _e, timeline, withdrawal, ...rest } = c;
  return {
    ...rest,
    ...(withdrawal ? { withdrawal: { at: withdrawal.at } } : {}),
    rotation: c.nomination.rotation,
    mission: c.nomination.mission,
    ...(personal ? { personal } : {}),
    timeline: JSON.stringify(timeline),
  };
}

/** A candidate from its stored form and its opened personal data. */
export function fromStored(id: string, s: StoredCandidate, data: PersonalData): Candidate {
  const {
    personal: _p,
    timeline,
    rotation: _rot,
    mission: _mis,
    _id: _i,
    _rev: _r,
    _updatedAt: _u,
    person: _lp,
    selfDeclaration: _ls,
    withdrawal,
    ...rest
  } = s;
  return {
    ...(rest as unknown as Omit<Candidate, 'id' | 'person' | 'timeline'>),
    id,
    person: data.person,
    ...(data.selfDeclaration ? { selfDeclaration: data.selfDeclaration } : {}),
    ...(data.employmentDeclaration ? { employmentDeclaration: data.employmentDeclaration } : {}),
    ...(withdrawal ? { withdrawal: { at: withdrawal.at, reason: data.withdrawalReason ?? withdrawal.reason ?? '' } } : {}),
    timeline: typeof timeline === 'string' ? (JSON.parse(timeline) as TimelineEntry[]) : (timeline as TimelineEntry[]),
  };
}

/** Opens one stored candidate (its person sealed under the candidate's own key). */
export async function openStored(cipher: PersonalCipher, id: string, s: StoredCandidate): Promise<Candidate> {
  return fromStored(id, s, await cipher.open(s.personal, id));
}

/** Opens many stored candidates, a few at a time (each person's data key is one read by _id). */
export async function openAll(docs: (StoredCandidate & { _id: string })[], cipher: PersonalCipher, concurrency = 20): Promise<Candidate[]> {
  const out: Candidate[] = new Array(docs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < docs.length; i = next++) out[i] = await openStored(cipher, docs[i]!._id, docs[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, docs.length) }, worker));
  return out;
}

/** At least this many of one roll are opened with the roll's keys read at once; fewer, one key read each. */
const ROLL_READ_FROM = 200;

/**
 * Opens stored candidates of one roll (`group`, see rollGroup) with the roll's data keys read once,
 * in one indexed read, instead of one point read per person (10,000 round trips for a full roll).
 * A first call with fewer than ROLL_READ_FROM people reads their keys one by one instead. People whose key is not filed under the roll (sealed before keys had groups, or nominated in
 * another rotation first) and erased people are opened one by one, as `openAll` does. The keys are
 * held only as long as the opener: one request. `readKeys`: the roll's keys already being read
 * (`cipher.rollKeys(group)`, started beside the rows' read), used whatever the number of people.
 */
export function createRollOpener(cipher: PersonalCipher, group: string, readKeys?: Promise<Map<string, Buffer>>) {
  let keys = readKeys;
  return async (docs: (StoredCandidate & { _id: string })[]): Promise<Candidate[]> => {
    if (!keys && docs.length < ROLL_READ_FROM) return openAll(docs, cipher);
    const roll = await (keys ??= cipher.rollKeys(group));
    const rest = docs.filter((d) => d.personal && !roll.has(d._id));
    const opened = new Map((await openAll(rest, cipher)).map((c) => [c.id, c]));
    return docs.map((d) => {
      const key = roll.get(d._id);
      return opened.get(d._id) ?? fromStored(d._id, d, key ? cipher.openWith(key, d.personal, d._id) : { person: { names: [] } });
    });
  };
}
