import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { Provenance } from '../domain/list-provenance';
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

export interface VersionDoc {
  _id: string;
  listId: string;
  version: number;
  contentHash: string;
  entryCount: number;
  provenance: Provenance;
  diff: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  diffCounts: { added: number; removed: number; changed: number };
}

interface EntryDoc {
  _id: string;
  listId: string;
  version: number;
  contentHash: string;
  entry: BanListEntry;
}

type Ref = Pick<ListVersionRef, 'listId' | 'version' | 'contentHash'>;

// The content hash is part of the key: two imports racing for the same version number store their
// entries apart, and only the one activated is ever read.
const versionKey = (r: Ref) => `${r.listId}@${r.version}#${r.contentHash.slice(0, 16)}`;

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
      await entries.createIndex({ listId: 1, version: 1, contentHash: 1 });
      await versions.createIndex({ listId: 1, version: -1 });
      await lists.ensureIndexes();
    },
    /** Every list's active version (from the view: a just-published version may take a moment to show). */
    async activeLists(): Promise<(ListVersionRef & ListState)[]> {
      const docs = await lists.find({});
      return docs.map((d) => ({ ...d, listId: d._id, version: d.activeVersion, contentHash: d.contentHash }));
    },
    async entriesOf(ref: Ref): Promise<BanListEntry[]> {
      const docs = await entries.find({ listId: ref.listId, version: ref.version, contentHash: ref.contentHash }).toArray();
      return docs.map((d) => d.entry);
    },
    async entriesByIds(ref: Ref, ids: string[]): Promise<BanListEntry[]> {
      if (!ids.length) return [];
      const docs = await entries.find({ _id: { $in: ids.map((e) => `${versionKey(ref)}:${e}`) } }).toArray();
      return docs.map((d) => d.entry);
    },
    /** The list's active version, read exactly (not from the view). */
    async current(listId: string): Promise<ListState | undefined> {
      return (await lists.load(listId))?.state;
    },
    /** Stores a version's entries under its own key, unread until the version is activated. */
    async stageEntries(ref: Ref, staged: BanListEntry[]): Promise<void> {
      const key = versionKey(ref);
      const base = { listId: ref.listId, version: ref.version, contentHash: ref.contentHash };
      await entries.deleteMany(base); // leftovers of an identical import that crashed half-way
      for (let i = 0; i < staged.length; i += 1000) {
        await entries.insertMany(
          staged.slice(i, i + 1000).map((entry) => ({ _id: `${key}:${entry.id}`, ...base, entry })),
          { ordered: false },
        );
      }
    },
    /**
     * Stores a new immutable version, then activates it with its `banlist.published` event in one
     * insert of a list revision. A crash before activation leaves an unreferenced version (never
     * read) and the active version as it was.
     */
    async publishVersion(input: {
      listId: string;
      name: string;
      version: number;
      expectedActive: number | undefined;
      contentHash: string;
      entries: BanListEntry[];
      provenance: Provenance;
      diff: VersionDoc['diff'];
      event: EventEnvelope;
    }): Promise<boolean> {
      const key = versionKey(input);
      const base = { listId: input.listId, version: input.version, contentHash: input.contentHash };
      await this.stageEntries(base, input.entries);
      const diffCounts = { added: input.diff.added.length, removed: input.diff.removed.length, changed: input.diff.changed.length };
      await versions.replaceOne(
        { _id: key },
        { ...base, entryCount: input.entries.length, provenance: input.provenance, diff: input.diff, diffCounts },
        { upsert: true },
      );
      const state: ListState = {
        name: input.name,
        activeVersion: input.version,
        contentHash: input.contentHash,
        entryCount: input.entries.length,
        updatedAt: input.provenance.importedAt,
      };
      const result = await lists.apply(input.listId, `publish:${key}`, (current) =>
        (current?.state.activeVersion ?? undefined) === input.expectedActive ? { state, events: [input.event] } : undefined,
      );
      // `duplicate`: this very publication is already stored (a driver retry of the insert after a lost
      // answer finds its own revision): it was published, not raced.
      return result.outcome === 'applied' || result.outcome === 'duplicate';
    },
    /** The published versions of a list, newest first, following the list's own history (never an unactivated leftover). */
    async versionsOf(listId: string): Promise<{ active: number; versions: VersionDoc[] } | undefined> {
      const history = await lists.history(listId);
      if (!history.length) return undefined;
      const keys = history.map((r) => versionKey({ listId, version: r.state.activeVersion, contentHash: r.state.contentHash }));
      const docs = await versions.find({ _id: { $in: keys } }).toArray();
      docs.sort((a, b) => b.version - a.version);
      return { active: history[history.length - 1]!.state.activeVersion, versions: docs };
    },
    async versionDoc(listId: string, version: number): Promise<VersionDoc | undefined> {
      return (await this.versionsOf(listId))?.versions.find((v) => v.version === version);
    },
  };
}

export type ListRepository = ReturnType<typeof createListRepository>;
