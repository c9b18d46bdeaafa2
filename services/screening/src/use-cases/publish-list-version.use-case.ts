import { createHash } from 'node:crypto';
import { contentHash, diffVersions, ImportError, importPlatformJson, toMatchEntry, type BanListEntry } from '@vetting/banlists';
import { AppError, conflict, createEvent, type Actor } from '@vetting/platform';
import type { ActiveLists } from '../domain/active-lists';
import type { ListRepository } from '../data/list.repository';

export interface PublishDeps {
  repository: ListRepository;
  lists: ActiveLists;
  now: () => Date;
  onEvents: () => void;
}

/** Turns an importer's rejection into a 400 naming every bad row or element. */
export function importProblem(error: ImportError): AppError {
  return new AppError('BANLIST.FILE_REJECTED', `The list file was rejected: ${error.problemCount} problem(s); the active version is unchanged`, {
    status: 400,
    errors: error.problems.map((p) => ({
      field: [p.line !== undefined ? `line ${p.line}` : '', p.row !== undefined ? `row ${p.row}` : '', p.element ?? '', p.field ?? ''].filter(Boolean).join(' ') || 'file',
      reason: p.reason,
    })),
  });
}

/**
 * Imports a list file (platform JSON format) as a new version of a list and activates it. A bad file
 * is rejected whole and the active version stays as it was; an identical file creates no new version.
 */
export async function publishListVersion(actor: Actor, listId: string, name: string, file: string, deps: PublishDeps) {
  let entries: BanListEntry[];
  try {
    entries = importPlatformJson(file).entries;
  } catch (error) {
    if (error instanceof ImportError) throw importProblem(error);
    throw error;
  }
  const hash = contentHash(entries);
  const current = await deps.repository.current(listId);
  if (current?.contentHash === hash) return { listId, version: current.activeVersion, contentHash: hash, unchanged: true };
  const previous = current ? await deps.repository.entriesOf({ listId, version: current.activeVersion }) : [];
  const diff = diffVersions(previous, entries);
  const version = (current?.activeVersion ?? 0) + 1;
  const now = deps.now();
  const ref = { listId, version, contentHash: hash };
  const event = createEvent('screening', {
    type: 'banlist.published',
    subject: listId,
    data: { list: ref, entryCount: entries.length, diff: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } },
  });
  const published = await deps.repository.publishVersion({
    listId,
    name,
    version,
    expectedActive: current?.activeVersion,
    contentHash: hash,
    entries,
    provenance: { importedBy: actor.id, importedAt: now.toISOString(), fileHash: createHash('sha256').update(file).digest('hex'), format: 'platform-json' },
    diff,
    event,
  });
  if (!published) throw conflict('BANLIST.CONCURRENT_IMPORT', 'Another version of this list was published at the same time; retry');
  deps.lists.replace(ref, entries.map(toMatchEntry));
  deps.onEvents();
  return { ...ref, unchanged: false, diff: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } };
}
