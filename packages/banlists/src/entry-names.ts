import type { EntryName } from '@vetting/matching';
import { detectScript } from './script-detection';

const KIND_RANK: Record<EntryName['kind'], number> = { primary: 2, alias: 1, 'weak-alias': 0 };

/**
 * Adds a name once, with its detected script. Lists repeat names (an alias equal to the primary name, an
 * a.k.a. both weak in the remarks and strong in alt.csv): the repeat keeps the strongest kind, because a
 * weak alias weighs less in matching and must not hide a strong one.
 */
export function addName(names: EntryName[], full: string, kind: EntryName['kind']): void {
  const name = full.replace(/\s+/g, ' ').trim();
  if (!name) return;
  const existing = names.find((n) => n.full === name);
  if (existing) {
    if (KIND_RANK[kind] > KIND_RANK[existing.kind]) existing.kind = kind;
    return;
  }
  const script = detectScript(name);
  names.push(script ? { full: name, script, kind } : { full: name, kind });
}
