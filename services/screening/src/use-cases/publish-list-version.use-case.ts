import { createHash } from 'node:crypto';
import { contentHash, diffVersions, type BanListEntry } from '@vetting/banlists';
import { conflict, createEvent, type Actor } from '@vetting/platform';
import type { ActiveLists } from '../domain/active-lists';
import type { ListRepository, Provenance } from '../data/list.repository';
import { importListFile, type ListFormat } from './import-list-file.use-case';

export interface PublishDeps {
  repository: ListRepository;
  lists: ActiveLists;
  now: () => Date;
  onEvents: () => void;
}

export const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/**
 * Makes `entries` the list's new active version: stores the immutable version (hash, provenance,
 * diff against the active one), then activates it with `banlist.published` in one insert. An
 * identical entry set creates no new version; a concurrent publication of the same list is a 409.
 */
export async function publishEntries(
  actor: Actor,
  listId: string,
  name: string | undefined,
  entries: BanListEntry[],
  provenance: Omit<Provenance, 'importedBy' | 'importedAt'>,
  deps: PublishDeps,
) {
  const hash = contentHash(entries);
  const current = await deps.repository.current(listId);
  if (current?.contentHash === hash) return { listId, version: current.activeVersion, contentHash: hash, unchanged: true };
  const previous = current ? await deps.repository.entriesOf({ listId, version: current.activeVersion, contentHash: current.contentHash }) : [];
  const diff = diffVersions(previous, entries);
  const version = (current?.activeVersion ?? 0) + 1;
  const ref = { listId, version, contentHash: hash };
  const counts = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
  const event = createEvent('screening', { type: 'banlist.published', subject: listId, data: { list: ref, entryCount: entries.length, diff: counts } });
  const published = await deps.repository.publishVersion({
    listId,
    name: name ?? current?.name ?? listId,
    version,
    expectedActive: current?.activeVersion,
    contentHash: hash,
    entries,
    provenance: { importedBy: actor.id, importedAt: deps.now().toISOString(), ...provenance },
    diff,
    event,
  });
  if (!published) throw conflict('BANLIST.CONCURRENT_IMPORT', 'Another version of this list was published at the same time; retry');
  // This instance screens against the new version at once; the others load it on banlist.published.
  deps.lists.replace(ref, entries);
  deps.onEvents();
  return { ...ref, unchanged: false, diff: counts };
}

/** Imports a list file in any supported format as the list's new version; a bad file changes nothing. */
export async function publishListFile(actor: Actor, listId: string, name: string | undefined, format: ListFormat, body: Buffer, deps: PublishDeps) {
  const file = importListFile(format, body);
  return publishEntries(
    actor,
    listId,
    name,
    file.entries,
    { fileHash: sha256(body), format, warnings: file.warnings, ...(file.publishedAt ? { publishedAt: file.publishedAt } : {}) },
    deps,
  );
}
