/**
 * The baseline to beat: plain Jaro-Winkler over whole names (transliterated to ASCII and
 * lower-cased, nothing else), best over the entry's names, brute force over the list.
 */
import anyAscii from 'any-ascii';
import { jaroWinkler, type ListEntry } from '../src/index';

export const baselineFold = (s: string) =>
  anyAscii(s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface BaselineIndex {
  entries: readonly ListEntry[];
  names: string[][];
}

export function buildBaseline(entries: readonly ListEntry[]): BaselineIndex {
  return { entries, names: entries.map((e) => e.names.map((n) => baselineFold(n.full))) };
}

export function baselineScore(index: BaselineIndex, entryIdx: number, query: string): number {
  const q = baselineFold(query);
  let best = 0;
  for (const n of index.names[entryIdx]!) best = Math.max(best, jaroWinkler(q, n));
  return best;
}

/** Best score over the whole list (for negatives: any flagged entry is a false positive). */
export function baselineBest(index: BaselineIndex, query: string): number {
  let best = 0;
  for (let i = 0; i < index.entries.length; i++) best = Math.max(best, baselineScore(index, i, query));
  return best;
}
