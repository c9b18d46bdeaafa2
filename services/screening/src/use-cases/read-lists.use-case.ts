import type { BanListEntry } from '@vetting/banlists';
import { notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { ListRepository } from '../data/list.repository';

export async function listVersions(listId: string, repository: ListRepository) {
  const found = await repository.versionsOf(listId);
  if (!found) throw notFound('BANLIST.NOT_FOUND', `List ${listId} does not exist`);
  return {
    listId,
    activeVersion: found.active,
    items: found.versions.map((v) => ({
      listId,
      version: v.version,
      contentHash: v.contentHash,
      entryCount: v.entryCount,
      active: v.version === found.active,
      provenance: v.provenance,
      diff: v.diffCounts,
    })),
  };
}

const summary = (e: BanListEntry) => ({ id: e.id, name: e.names[0]?.full ?? '', category: e.category });

/**
 * What a version changed against the one before: added and removed entries with their names, and
 * each changed entry with the fields that changed, before and after. Listed people's data is
 * returned, so the read is recorded first.
 */
export async function listVersionDiff(
  actor: Actor,
  listId: string,
  version: number,
  deps: { repository: ListRepository; access: AccessRecorder },
) {
  const found = await deps.repository.versionsOf(listId);
  const doc = found?.versions.find((v) => v.version === version);
  if (!found || !doc) throw notFound('BANLIST.VERSION_NOT_FOUND', `List ${listId} has no published version ${version}`);
  const previous = found.versions.find((v) => v.version < version);
  const changedIds = doc.diff.changed.map((c) => c.id);
  const [after, before] = await Promise.all([
    deps.repository.entriesByIds(doc, [...doc.diff.added, ...changedIds]),
    previous ? deps.repository.entriesByIds(previous, [...doc.diff.removed, ...changedIds]) : Promise.resolve([]),
  ]);
  const afterById = new Map(after.map((e) => [e.id, e]));
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const ids = [...doc.diff.added, ...doc.diff.removed, ...changedIds];
  await deps.access.record({
    actor,
    subjectId: `list:${listId}@${version}`,
    subjectIds: ids.slice(0, 500).map((id) => `${listId}:${id}`.slice(0, 100)),
    resource: 'screening/list-entries',
    purpose: 'review ban-list version changes',
    fields: ['names', 'datesOfBirth', 'nationalities', 'documents'],
  });
  const pick = (e: BanListEntry | undefined, fields: string[]) =>
    Object.fromEntries(fields.map((f) => [f, e?.[f as keyof BanListEntry] ?? null]));
  return {
    listId,
    version,
    ...(previous ? { previousVersion: previous.version } : {}),
    added: doc.diff.added.map((id) => summary(afterById.get(id) ?? ({ id, names: [], category: '' } as unknown as BanListEntry))),
    removed: doc.diff.removed.map((id) => summary(beforeById.get(id) ?? ({ id, names: [], category: '' } as unknown as BanListEntry))),
    changed: doc.diff.changed.map((c) => ({
      id: c.id,
      name: afterById.get(c.id)?.names[0]?.full ?? '',
      fields: c.fields,
      before: pick(beforeById.get(c.id), c.fields),
      after: pick(afterById.get(c.id), c.fields),
    })),
  };
}

/** One entry of a list's active version (to correct it by hand); the read of the listed person is recorded first. */
export async function activeListEntry(
  actor: Actor,
  listId: string,
  entryId: string,
  deps: { repository: ListRepository; access: AccessRecorder },
) {
  const found = await deps.repository.versionsOf(listId);
  const active = found?.versions.find((v) => v.version === found.active);
  if (!found || !active) throw notFound('BANLIST.NOT_FOUND', `List ${listId} does not exist`);
  const [entry] = await deps.repository.entriesByIds(active, [entryId]);
  if (!entry) throw notFound('BANLIST.ENTRY_NOT_FOUND', `List ${listId} version ${active.version} has no entry ${entryId}`);
  await deps.access.record({
    actor,
    subjectId: `${listId}:${entryId}`.slice(0, 100),
    resource: 'screening/list-entry',
    purpose: 'correct a ban-list entry',
    fields: ['names', 'datesOfBirth', 'nationalities', 'documents'],
  });
  return { listId, version: active.version, entry };
}
