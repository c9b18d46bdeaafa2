/** Test fixture: a list entry with the given names (the first primary, the rest aliases) and nothing else unless given. */
import type { ListEntry } from './model';

export function listEntry(id: string, names: string[], extra: Partial<ListEntry> = {}): ListEntry {
  return {
    id,
    names: names.map((full, i) => ({ full, kind: i === 0 ? 'primary' : 'alias' })),
    datesOfBirth: [],
    nationalities: [],
    documents: [],
    serviceNumbers: [],
    ...extra,
  };
}
