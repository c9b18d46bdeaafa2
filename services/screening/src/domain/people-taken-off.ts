import { toMatchEntry, type BanListEntry } from '@vetting/banlists';

/** One entry a new version takes off the list: gone, or no longer naming the person it named. */
export interface TakenOffEntry {
  id: string;
  /** The primary name the active version lists, so the second officer sees who it is. */
  name: string;
  /** For a re-identified entry: which identifying facts the new version drops or alters. */
  fields?: string[];
}

export interface PeopleTakenOff {
  removed: TakenOffEntry[];
  reidentified: TakenOffEntry[];
}

// Case, accents and punctuation are spelling, not identity: "O'NEIL" and "O Neil" are one name.
const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Every fact the matching engine reads about the person, by field, normalised. */
function identity(e: BanListEntry): Record<string, string[]> {
  const m = toMatchEntry(e);
  return {
    names: m.names.map((n) => norm(n.full)),
    datesOfBirth: m.datesOfBirth.map(String),
    nationalities: m.nationalities.map((c) => c.toUpperCase()),
    gender: m.gender ? [m.gender] : [],
    documents: m.documents.map((d) => `${d.type ?? ''}|${norm(d.number).replace(/ /g, '')}|${d.country ?? ''}`),
    serviceNumbers: m.serviceNumbers.map((s) => norm(s).replace(/ /g, '')),
  };
}

/**
 * The identifying facts of `before` that `after` no longer carries. Adding a name, alias, document or
 * date never hides anyone; dropping or altering one may make the listed person stop matching, and a
 * chain of small "corrections" could walk an entry away from them, so any loss counts, however small.
 */
export function identityLoss(before: BanListEntry, after: BanListEntry): string[] {
  const a = identity(before);
  const b = identity(after);
  return Object.keys(a).filter((field) => a[field]!.some((fact) => !b[field]!.includes(fact)));
}

const primaryName = (e: BanListEntry) => (e.names.find((n) => n.kind === 'primary') ?? e.names[0])?.full ?? e.id;

/**
 * What publishing `next` over the active `previous` would take off the list: entries it drops and
 * entries it re-identifies. Either needs a second officer; a version with neither publishes at once.
 */
export function peopleTakenOff(previous: readonly BanListEntry[], next: readonly BanListEntry[]): PeopleTakenOff {
  const after = new Map(next.map((e) => [e.id, e]));
  const removed: TakenOffEntry[] = [];
  const reidentified: TakenOffEntry[] = [];
  for (const e of previous) {
    const now = after.get(e.id);
    if (!now) removed.push({ id: e.id, name: primaryName(e) });
    else {
      const fields = identityLoss(e, now);
      if (fields.length) reidentified.push({ id: e.id, name: primaryName(e), fields });
    }
  }
  return { removed, reidentified };
}

export const takesAnyoneOff = (p: PeopleTakenOff) => p.removed.length > 0 || p.reidentified.length > 0;
