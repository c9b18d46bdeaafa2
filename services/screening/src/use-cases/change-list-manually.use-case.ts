import { addManualEntry, ImportError, removeEntries, replaceEntry, type BanListEntry } from '@vetting/banlists';
import { notFound, type Actor } from '@vetting/platform';
import { importProblem } from './import-list-file.use-case';
import { publishEntries, sha256, type PublishDeps } from './publish-list-version.use-case';

export type ManualChange =
  { kind: 'add'; entry: unknown } | { kind: 'replace'; entryId: string; entry: unknown } | { kind: 'remove'; entryId: string };

/**
 * A hand-made change (add, correct or remove one entry) becomes a new version exactly like an
 * import: validated like a row of the platform format, hashed, diffed, published. The change
 * itself (with its reason) is what the provenance hash covers. A removal, or a correction that
 * re-identifies the entry, comes back pending a second officer (publishEntries decides).
 */
export async function changeListManually(
  actor: Actor,
  listId: string,
  change: ManualChange,
  reason: string,
  deps: PublishDeps,
  requestKey?: string,
) {
  const current = await deps.repository.current(listId);
  if (!current) throw notFound('BANLIST.NOT_FOUND', `List ${listId} does not exist; import a file first`);
  const entries = await deps.repository.entriesOf({ listId, version: current.activeVersion, contentHash: current.contentHash });
  if (change.kind !== 'add' && !entries.some((e) => e.id === change.entryId))
    throw notFound('BANLIST.ENTRY_NOT_FOUND', `Entry ${change.entryId} is not on list ${listId}`);
  let next: BanListEntry[];
  try {
    if (change.kind === 'add') next = addManualEntry(entries, change.entry as BanListEntry);
    else if (change.kind === 'remove') next = removeEntries(entries, [change.entryId]);
    else {
      const entry = change.entry as BanListEntry;
      if (entry && typeof entry === 'object' && entry.id !== change.entryId)
        throw new ImportError('manual-entry', [{ field: 'id', reason: `must be ${change.entryId}, the entry being corrected` }]);
      next = replaceEntry(entries, entry);
    }
  } catch (error) {
    if (error instanceof ImportError) throw importProblem(error);
    throw error;
  }
  const fileHash = sha256(JSON.stringify({ change, reason, by: actor.id }));
  const entryId = change.kind === 'add' ? (change.entry as BanListEntry).id : change.entryId;
  return publishEntries(actor, listId, undefined, next, { fileHash, format: `manual-${change.kind}`, reason }, deps, {
    change: { kind: change.kind, entryId },
    reason,
    ...(requestKey ? { requestKey } : {}),
  });
}
