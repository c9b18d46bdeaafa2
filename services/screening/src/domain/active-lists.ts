import { contentHash, toMatchEntry, type BanListEntry, type BanStatus, type ListHit } from '@vetting/banlists';
import {
  buildIndex,
  scorePair,
  type ListEntry,
  type MatchHit,
  type MatchingIndex,
  type PersonQuery,
  type Thresholds,
} from '@vetting/matching';

export interface ListVersionRef {
  listId: string;
  version: number;
  contentHash: string;
}

interface LoadedList {
  ref: ListVersionRef;
  index: MatchingIndex;
  entries: Map<string, ListEntry>;
  /** Per-entry content hash: a reviewer's decision holds only for the entry content it was taken on. */
  hashes: Map<string, string>;
  /** Per-entry status: `left-pending-allegation` is a finding of its own for clearance. */
  statuses: Map<string, BanStatus>;
}

/** Content hash of one entry (the list's own hash function applied to a one-entry list). */
export const entryHash = (entry: BanListEntry) => contentHash([entry]);

/**
 * The in-memory matching indexes of the active version of every list. Built once per list version
 * and swapped atomically, so a screening always runs against one consistent set of versions.
 */
export class ActiveLists {
  private lists = new Map<string, LoadedList>();

  constructor(readonly thresholds?: Thresholds) {}

  replace(ref: ListVersionRef, entries: readonly BanListEntry[]): void {
    const matchEntries = entries.map(toMatchEntry);
    const index = buildIndex(matchEntries, this.thresholds ? { thresholds: this.thresholds } : {});
    const loaded: LoadedList = {
      ref,
      index,
      entries: new Map(matchEntries.map((e) => [e.id, e])),
      hashes: new Map(entries.map((e) => [e.id, entryHash(e)])),
      statuses: new Map(entries.map((e) => [e.id, e.status])),
    };
    this.lists = new Map(this.lists).set(ref.listId, loaded);
  }

  versionOf(listId: string): ListVersionRef | undefined {
    return this.lists.get(listId)?.ref;
  }

  versions(): ListVersionRef[] {
    return [...this.lists.values()].map((l) => l.ref);
  }

  /** Every active version with the entries exactly as they are screened (an offline bundle carries these). */
  snapshot(): { ref: ListVersionRef; entries: ListEntry[] }[] {
    return [...this.lists.values()].map((l) => ({ ref: l.ref, entries: [...l.entries.values()] }));
  }

  /**
   * Screens one person against every active list (or only `onlyList`); returns the versions used
   * with every hit at or above the lower threshold. `confirmed` names, per list, the entries a
   * reviewer confirmed for this person: they stay `match` whatever their score.
   */
  screen(
    query: PersonQuery,
    options: { confirmed?: Map<string, string[]>; onlyList?: string; limitPerList?: number; minScore?: number } = {},
  ) {
    const snapshot = [...this.lists.values()].filter((l) => !options.onlyList || l.ref.listId === options.onlyList);
    const hits: ListHit[] = [];
    for (const list of snapshot) {
      const confirmedEntryIds = options.confirmed?.get(list.ref.listId);
      const q = confirmedEntryIds?.length ? { ...query, confirmedEntryIds } : query;
      const found = list.index.search(q, {
        limit: options.limitPerList ?? 10,
        ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
      });
      for (const hit of found) hits.push(this.attach(list, hit));
    }
    hits.sort((a, b) => b.score - a.score);
    return { versions: snapshot.map((l) => l.ref), hits };
  }

  /**
   * Only the given entries of a list, scored exactly as the full index scores them (the full list's
   * word statistics): retrieval runs on a small index of those entries without pruning.
   */
  deltaSearcher(listId: string, entryIds: readonly string[]) {
    const list = this.lists.get(listId);
    if (!list) return undefined;
    const entries = entryIds.map((id) => list.entries.get(id)).filter((e): e is ListEntry => Boolean(e));
    const small = buildIndex(entries, this.thresholds ? { thresholds: this.thresholds } : {});
    const lower = (this.thresholds ?? { lower: 0.5 }).lower;
    return (query: PersonQuery): ListHit[] => {
      const out: ListHit[] = [];
      for (const rough of small.search(query, { limit: 50, minScore: 0 })) {
        const entry = list.entries.get(rough.entryId)!;
        const exact = scorePair(query, entry, {
          statistics: list.index.statistics,
          ...(this.thresholds ? { thresholds: this.thresholds } : {}),
        });
        if (exact.band === 'match' || exact.score >= lower) out.push(this.attach(list, exact));
      }
      return out;
    };
  }

  private attach(list: LoadedList, hit: MatchHit): ListHit {
    const entryStatus = list.statuses.get(hit.entryId);
    return { ...hit, listId: list.ref.listId, entryHash: list.hashes.get(hit.entryId) ?? '', ...(entryStatus ? { entryStatus } : {}) };
  }
}
