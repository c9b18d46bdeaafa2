import { buildIndex, type MatchingIndex, type PersonQuery, type Thresholds } from '@vetting/matching';
import type { ListHit } from './screening-outcome';

export interface ListVersionRef {
  listId: string;
  version: number;
  contentHash: string;
}

interface LoadedList {
  ref: ListVersionRef;
  index: MatchingIndex;
}

/**
 * The in-memory matching indexes of the active version of every list. Built once per list version
 * and swapped atomically, so a screening always runs against one consistent set of versions.
 */
export class ActiveLists {
  private lists = new Map<string, LoadedList>();

  constructor(private readonly thresholds?: Thresholds) {}

  replace(ref: ListVersionRef, entries: Parameters<typeof buildIndex>[0]): void {
    const index = buildIndex(entries, this.thresholds ? { thresholds: this.thresholds } : {});
    this.lists = new Map(this.lists).set(ref.listId, { ref, index });
  }

  versionOf(listId: string): ListVersionRef | undefined {
    return this.lists.get(listId)?.ref;
  }

  /** Screens one person against every active list; returns the versions used with the hits. */
  screen(query: PersonQuery, limitPerList = 10): { versions: ListVersionRef[]; hits: ListHit[] } {
    const snapshot = [...this.lists.values()];
    const hits: ListHit[] = [];
    for (const { ref, index } of snapshot) {
      for (const hit of index.search(query, { limit: limitPerList })) hits.push({ ...hit, listId: ref.listId });
    }
    hits.sort((a, b) => b.score - a.score);
    return { versions: snapshot.map((l) => l.ref), hits };
  }
}
