import { ImportError } from '@vetting/banlists';
import { notFound, type Actor } from '@vetting/platform';
import { importProblem } from './import-list-file.use-case';
import { publishEntries, sha256, type PublishDeps } from './publish-list-version.use-case';
import { applyManualChange, type ManualChange } from '../domain/manual-change';

export type { ManualChange } from '../domain/manual-change';

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
  let applied: ReturnType<typeof applyManualChange>;
  try {
    applied = applyManualChange(entries, change);
  } catch (error) {
    if (error instanceof ImportError) throw importProblem(error);
    throw error;
  }
  if ('refusal' in applied) throw notFound('BANLIST.ENTRY_NOT_FOUND', `Entry ${applied.entryId} is not on list ${listId}`);
  const fileHash = sha256(JSON.stringify({ change, reason, by: actor.id }));
  const { entries: next, entryId } = applied;
  return publishEntries(actor, listId, undefined, next, { fileHash, format: `manual-${change.kind}`, reason }, deps, {
    change: { kind: change.kind, entryId },
    reason,
    ...(requestKey ? { requestKey } : {}),
  });
}
