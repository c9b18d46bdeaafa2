import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { BanListEntry } from './ban-list-entry';
import { ImportError } from './import-error';
import { validatePlatformEntry } from './platform-entry.validator';

/** What changed between two versions of one list, by entry id. */
export interface ListDiff {
  added: string[];
  removed: string[];
  /** Entries present in both whose content differs, with the top-level properties that changed. */
  changed: Array<{ id: string; fields: string[] }>;
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the entries sorted by id: the same content gives the
 * same hash whatever order the file listed people in, so re-importing an unchanged file is recognisable.
 * Order inside an entry (names, documents) is kept: the primary name comes first on purpose.
 */
export function contentHash(entries: readonly BanListEntry[]): string {
  assertUniqueIds(entries);
  const sorted = [...entries].sort((a, b) => compareIds(a.id, b.id));
  return createHash('sha256')
    .update(canonicalize(sorted) ?? '[]', 'utf8')
    .digest('hex');
}

/** Entries added, removed and changed from `prev` to `next`; ids are sorted so the diff is stable. */
export function diffVersions(prev: readonly BanListEntry[], next: readonly BanListEntry[]): ListDiff {
  const before = byId(prev);
  const after = byId(next);
  const added = [...after.keys()].filter((id) => !before.has(id)).sort(compareIds);
  const removed = [...before.keys()].filter((id) => !after.has(id)).sort(compareIds);
  const changed: ListDiff['changed'] = [];
  for (const id of [...after.keys()].sort(compareIds)) {
    const old = before.get(id);
    if (!old) continue;
    const fields = changedFields(old, after.get(id)!);
    if (fields.length) changed.push({ id, fields });
  }
  return { added, removed, changed };
}

function changedFields(a: BanListEntry, b: BanListEntry): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof BanListEntry>;
  // An absent optional array and an empty one mean the same thing.
  const same = (x: unknown, y: unknown) => canonicalize(emptyToUndefined(x)) === canonicalize(emptyToUndefined(y));
  return [...keys].filter((k) => !same(a[k], b[k])).sort();
}

function emptyToUndefined(v: unknown): unknown {
  return Array.isArray(v) && v.length === 0 ? undefined : v;
}

/**
 * A new entry set with `entry` added by hand (a manual listing). The entry is validated like a row of the
 * platform format; an invalid entry or an id already on the list throws an {@link ImportError}.
 */
export function addManualEntry(entries: readonly BanListEntry[], entry: BanListEntry): BanListEntry[] {
  const valid = validManual(entry);
  if (entries.some((e) => e.id === valid.id)) {
    throw new ImportError('manual-entry', [{ field: 'id', reason: `id ${valid.id} is already on the list; replace it instead` }]);
  }
  return [...entries, valid];
}

/** A new entry set with the entry of the same id replaced by `entry` (a manual correction). */
export function replaceEntry(entries: readonly BanListEntry[], entry: BanListEntry): BanListEntry[] {
  const valid = validManual(entry);
  if (!entries.some((e) => e.id === valid.id)) {
    throw new ImportError('manual-entry', [{ field: 'id', reason: `id ${valid.id} is not on the list` }]);
  }
  return entries.map((e) => (e.id === valid.id ? valid : e));
}

/** A new entry set without the given ids (a manual removal); an id not on the list throws. */
export function removeEntries(entries: readonly BanListEntry[], ids: readonly string[]): BanListEntry[] {
  const present = new Set(entries.map((e) => e.id));
  const missing = ids.filter((id) => !present.has(id));
  if (missing.length) {
    throw new ImportError(
      'manual-entry',
      missing.map((id) => ({ field: 'id', reason: `id ${id} is not on the list` })),
    );
  }
  const drop = new Set(ids);
  return entries.filter((e) => !drop.has(e.id));
}

function validManual(entry: BanListEntry): BanListEntry {
  const problems: Array<{ field: string; reason: string }> = [];
  const valid = validatePlatformEntry(entry, (field, reason) => problems.push({ field, reason }));
  if (!valid) throw new ImportError('manual-entry', problems);
  return valid;
}

function byId(entries: readonly BanListEntry[]): Map<string, BanListEntry> {
  assertUniqueIds(entries);
  return new Map(entries.map((e) => [e.id, e]));
}

function assertUniqueIds(entries: readonly BanListEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) throw new Error(`entry id ${e.id} appears twice in one version`);
    seen.add(e.id);
  }
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
