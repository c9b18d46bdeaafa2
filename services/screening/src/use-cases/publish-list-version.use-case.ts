import { createHash } from 'node:crypto';
import { contentHash, diffVersions, type BanListEntry } from '@vetting/banlists';
import { conflict, createEvent, type Actor } from '@vetting/platform';
import type { ActiveLists } from '../domain/active-lists';
import type { ListRepository } from '../data/list.repository';
import type { Provenance } from '../domain/list-provenance';
import type { PendingVersionRepository } from '../data/pending-version.repository';
import { peopleTakenOff } from '../domain/people-taken-off';
import { countersignatureDecision, publicationGate } from '../domain/version-publication';
import type { PendingVersion, VersionChange } from '../domain/pending-version';
import { proposeVersion } from './propose-version.use-case';
import { importListFile, type ListFormat } from './import-list-file.use-case';

export interface PublishDeps {
  repository: ListRepository;
  lists: ActiveLists;
  now: () => Date;
  onEvents: () => void;
  proposals: PendingVersionRepository;
}

/** How a version is asked for: why, what change, and (for a countersigned one) by whom and over which version. */
export interface PublishOptions {
  change: VersionChange;
  reason?: string;
  /** Makes a retried request find its first proposal. */
  requestKey?: string;
  /** The second officer whose countersignature lets the version take people off the list. */
  countersignedBy?: string;
  /** Publish only over this active version (a countersigned proposal is published as it was seen). */
  basedOn?: number;
}

export type PublishResult =
  | { listId: string; version: number; contentHash: string; unchanged: boolean; diff?: { added: number; removed: number; changed: number } }
  | { pending: PendingVersion };

export const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

/**
 * Makes `entries` the list's new active version: stores the immutable version (hash, provenance,
 * diff against the active one), then activates it with `banlist.published` in one insert. An
 * identical entry set creates no new version; a concurrent publication of the same list is a 409.
 * Every version goes through here, so this is where four eyes holds: a version that removes or
 * re-identifies an active entry is only staged, as a proposal for a second, different officer.
 */
export async function publishEntries(
  actor: Actor,
  listId: string,
  name: string | undefined,
  entries: BanListEntry[],
  provenance: Omit<Provenance, 'importedBy' | 'importedAt'>,
  deps: PublishDeps,
  options: PublishOptions,
): Promise<PublishResult> {
  const hash = contentHash(entries);
  const current = await deps.repository.current(listId);
  const gate = publicationGate(current, hash, options.basedOn);
  if (gate.kind === 'superseded')
    throw conflict(
      'BANLIST.PROPOSAL_SUPERSEDED',
      `Version ${gate.activeVersion} of ${listId} was published after this proposal; propose the change again`,
    );
  if (gate.kind === 'unchanged') return { listId, version: gate.version, contentHash: hash, unchanged: true };
  const previous = current
    ? await deps.repository.entriesOf({ listId, version: current.activeVersion, contentHash: current.contentHash })
    : [];
  const diff = diffVersions(previous, entries);
  const version = gate.version;
  const ref = { listId, version, contentHash: hash };
  const counts = { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
  const takesOff = peopleTakenOff(previous, entries);
  if (countersignatureDecision(takesOff, actor.id, options.countersignedBy).stage) {
    await deps.repository.stageEntries(ref, entries);
    const staged = { ...ref, entryCount: entries.length, ...(name ? { name } : {}), diff: counts, provenance };
    return { pending: await proposeVersion(actor, { listId, basedOnVersion: current!.activeVersion, takesOff, staged }, options, deps) };
  }
  const event = createEvent('screening', {
    type: 'banlist.published',
    subject: listId,
    data: { list: ref, entryCount: entries.length, diff: counts },
  });
  const published = await deps.repository.publishVersion({
    listId,
    name: name ?? current?.name ?? listId,
    version,
    expectedActive: current?.activeVersion,
    contentHash: hash,
    entries,
    provenance: {
      importedBy: actor.id,
      importedAt: deps.now().toISOString(),
      ...provenance,
      ...(options.countersignedBy ? { countersignedBy: options.countersignedBy } : {}),
    },
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
export async function publishListFile(
  actor: Actor,
  listId: string,
  input: { name?: string; reason?: string; requestKey?: string },
  format: ListFormat,
  body: Buffer,
  deps: PublishDeps,
) {
  const file = importListFile(format, body);
  return publishEntries(
    actor,
    listId,
    input.name,
    file.entries,
    {
      fileHash: sha256(body),
      format,
      warnings: file.warnings,
      ...(file.publishedAt ? { publishedAt: file.publishedAt } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    },
    deps,
    {
      change: { kind: 'import', format },
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.requestKey ? { requestKey: input.requestKey } : {}),
    },
  );
}
