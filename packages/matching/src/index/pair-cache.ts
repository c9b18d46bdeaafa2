/**
 * Similarities of query words to list words, kept from query to query: names repeat their common
 * words (Mohammed, Ali, Jean), and each such word meets the same list words again and again. Keyed
 * by the query word object (makeWord shares one per spelling and flags) and a number the caller
 * chooses for the list side (a word slot, or a pair of adjacent words). Bounded: when it holds
 * `limit` similarities it starts again, between queries.
 */
import type { NameWord } from '../normalise/name-normaliser';

export class PairCache {
  private rows = new Map<NameWord, Map<number, number>>();
  private size = 0;

  constructor(private readonly limit = 500_000) {}

  /** The row of one query word; call at the start of a query (may empty the cache). */
  row(q: NameWord): Map<number, number> {
    if (this.size >= this.limit) {
      this.rows = new Map();
      this.size = 0;
    }
    let r = this.rows.get(q);
    if (!r) this.rows.set(q, (r = new Map()));
    return r;
  }

  /** Keeps a similarity computed for `row` under `key` (read back with row.get). */
  put(row: Map<number, number>, key: number, similarity: number): number {
    row.set(key, similarity);
    this.size++;
    return similarity;
  }
}
