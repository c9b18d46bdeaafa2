import { addManualEntry, ImportError, removeEntries, replaceEntry, type BanListEntry } from '@vetting/banlists';

export type ManualChange =
  { kind: 'add'; entry: unknown } | { kind: 'replace'; entryId: string; entry: unknown } | { kind: 'remove'; entryId: string };

/**
 * The entries of a list after one hand-made change, and the entry it concerns. Correcting or removing
 * an entry the active version does not hold is refused; a correction must keep the entry's id (a
 * "correction" into another id would remove one person and add another in one officer's step). A
 * new or corrected entry that is not a valid row of the platform format throws the importer's
 * ImportError naming the field, as a file import does.
 */
export function applyManualChange(
  entries: readonly BanListEntry[],
  change: ManualChange,
): { entries: BanListEntry[]; entryId: string } | { refusal: 'entry-not-found'; entryId: string } {
  if (change.kind !== 'add' && !entries.some((e) => e.id === change.entryId))
    return { refusal: 'entry-not-found', entryId: change.entryId };
  if (change.kind === 'add') {
    const next = addManualEntry(entries, change.entry as BanListEntry);
    return { entries: next, entryId: (change.entry as BanListEntry).id };
  }
  if (change.kind === 'remove') return { entries: removeEntries(entries, [change.entryId]), entryId: change.entryId };
  const entry = change.entry as BanListEntry;
  if (entry && typeof entry === 'object' && entry.id !== change.entryId)
    throw new ImportError('manual-entry', [{ field: 'id', reason: `must be ${change.entryId}, the entry being corrected` }]);
  return { entries: replaceEntry(entries, entry), entryId: change.entryId };
}
