/**
 * The best `limit` entries of a search, kept in the order hits are returned: decisive (`match`)
 * first, then by score as hits carry it (rounded), then by entry order on the list. The order is
 * total, so a search that stops early (once no remaining entry can enter) returns exactly the hits
 * of one that scores every entry.
 */
import { round, type EntryScore } from '../score/person-scorer';

export interface RankedEntry {
  entry: number;
  /** Rounded as the hit carries it. */
  score: number;
  scored: EntryScore;
}

function before(a: RankedEntry, b: RankedEntry): boolean {
  if (a.scored.decisive !== b.scored.decisive) return a.scored.decisive;
  if (a.score !== b.score) return a.score > b.score;
  return a.entry < b.entry;
}

export class TopHits {
  readonly items: RankedEntry[] = [];

  constructor(private readonly limit: number) {}

  add(entry: number, scored: EntryScore): void {
    if (this.limit <= 0) return;
    const r: RankedEntry = { entry, score: round(scored.score), scored };
    let at = this.items.length;
    while (at > 0 && before(r, this.items[at - 1]!)) at--;
    if (at >= this.limit) return;
    this.items.splice(at, 0, r);
    if (this.items.length > this.limit) this.items.pop();
  }

  /**
   * Whether a non-decisive entry whose score is at most `ceiling` may still enter: always while
   * fewer than `limit` are held; then only when its rounded score may reach the last one's, and
   * when it can only tie, only if it comes first on the list (`entry`; unknown: it may).
   */
  admits(ceiling: number, entry = -1): boolean {
    if (this.items.length < this.limit) return this.limit > 0;
    const last = this.items[this.limit - 1]!;
    if (last.scored.decisive) return false;
    const best = round(ceiling + 1e-9);
    return best > last.score || (best === last.score && (entry < 0 || entry < last.entry));
  }
}
