import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { BanListEntry } from '@vetting/banlists';
import { createAggregateStore, type EventEnvelope } from '@vetting/platform';
import type { ListVersionRef } from '../domain/active-lists';

interface ListState extends Record<string, unknown> {
  name: string;
  activeVersion: number;
  contentHash: string;
  entryCount: number;
  updatedAt: string;
}

interface VersionDoc {
  _id: string;
  listId: string;
  version: number;
  contentHash: string;
  entryCount: number;
  provenance: { importedBy: string; importedAt: string; fileHash: string; format: string };
  diff: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
}

interface EntryDoc {
  _id: string;
  listId: string;
  version: number;
  entry: BanListEntry;
}

const versionId = (listId: string, version: number) => `${listId}@${version}`;

/**
 * Ban lists, their versions and entries. Entries are stored one document per entry per version
 * (a version is immutable); the list aggregate (immutable revisions) points at the active version
 * and carries the outbox.
 */
export function createListRepository(db: Connection) {
  const lists = createAggregateStore<ListState>(db, 'lists');
  const versions = db.collection('list_versions') as unknown as Collection<VersionDoc>;
  const entries = db.collection('list_entries') as unknown as Collection<EntryDoc>;
  return {
    collection: lists.revisions,
    async ensureIndexes() {
      await entries.createIndex({ listId: 1, version: 1 });
      await versions.createIndex({ listId: 1, version: -1 });
      await lists.ensureIndexes();
    },
    /** Every list's active version (from the view: a just-published version may take a moment to show). */
    async activeLists(): Promise<(ListVersionRef & ListState)[]> {
      const docs = await lists.find({});
      return docs.map((d) => ({ ...d, listId: d._id, version: d.activeVersion, contentHash: d.contentHash }));
    },
    async entriesOf(ref: Pick<ListVersionRef, 'listId' | 'version'>): Promise<BanListEntry[]> {
      const docs = await entries.find({ listId: ref.listId, version: ref.version }).toArray();
      return docs.map((d) => d.entry);
    },
    /** The list's active version, read exactly (not from the view). */
    async current(listId: string): Promise<ListState | undefined> {
      return (await lists.load(listId))?.state;
    },
    /**
     * Stores a new immutable version, then activates it with its `banlist.published` event in one
     * single-document update of the list. A crash before activation leaves an unreferenced version
     * (harmless, re-import overwrites it) and the active version as it was.
     */
    async publishVersion(input: {
      listId: string;
      name: string;
      version: number;
      expectedActive: number | undefined;
      contentHash: string;
      entries: BanListEntry[];
      provenance: VersionDoc['provenance'];
      diff: VersionDoc['diff'];
      event: EventEnvelope;
    }): Promise<boolean> {
      const id = versionId(input.listId, input.version);
      await entries.deleteMany({ listId: input.listId, version: input.version });
      for (let i = 0; i < input.entries.length; i += 1000) {
        await entries.insertMany(
          input.entries.slice(i, i + 1000).map((entry) => ({ _id: `${id}:${entry.id}`, listId: input.listId, version: input.version, entry })),
          { ordered: false },
        );
      }
      await versions.replaceOne(
        { _id: id },
        { listId: input.listId, version: input.version, contentHash: input.contentHash, entryCount: input.entries.length, provenance: input.provenance, diff: input.diff },
        { upsert: true },
      );
      const state: ListState = { name: input.name, activeVersion: input.version, contentHash: input.contentHash, entryCount: input.entries.length, updatedAt: input.provenance.importedAt };
      const result = await lists.apply(input.listId, `publish:${id}`, (current) =>
        (current?.state.activeVersion ?? undefined) === input.expectedActive ? { state, events: [input.event] } : undefined,
      );
      return result.outcome === 'applied';
    },
    async versionsOf(listId: string) {
      return versions.find({ listId }, { projection: { diff: 0 } }).sort({ version: -1 }).toArray();
    },
  };
}

export type ListRepository = ReturnType<typeof createListRepository>;
