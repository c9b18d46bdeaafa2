/**
 * Per query name, which list words may take part in a compound (one word on one side, two adjacent
 * words joined on the other: "Abdulrahman"/"Abdul Rahman"), as `plausibleCompound` decides it
 * (score/name-alignment.ts): tables keyed by script and first letter of the split pair's first
 * word, holding the lengths that add up. A name is tested with a few typed-array reads per word
 * instead of comparing NameWord objects.
 */
import { MIN_COMPOUND_LENGTH } from '../score/name-alignment';
import { ABJAD, INITIAL, type WordFeatures } from './word-features';

/** Letters 0–25, 26 anything else, 27 no skeleton. */
const CODES = 28;
/** Lengths up to 63 are tabulated (two 32-bit halves); longer ones always count as plausible. */
const MAX_TABULATED = 63;

/** One table: [script][code] → bit set of lengths, as lo (0–31) and hi (32–63) halves. */
class LengthTable {
  readonly bits = new Int32Array(2 * CODES * 2);
  any = false;

  add(abjad: number, code: number, from: number, to: number): void {
    if (code === 27) return; // no skeleton: plausibleCompound never pairs it
    for (let l = Math.max(0, from); l <= Math.min(MAX_TABULATED, to); l++) {
      this.bits[(abjad * CODES + code) * 2 + (l >> 5)]! |= 1 << (l & 31);
    }
    this.any = true;
  }

  has(abjad: number, code: number, length: number): boolean {
    if (!this.any) return false;
    if (length > MAX_TABULATED) return true;
    return ((this.bits[(abjad * CODES + code) * 2 + (length >> 5)]! >>> (length & 31)) & 1) === 1;
  }

  clear(): void {
    if (this.any) this.bits.fill(0);
    this.any = false;
  }
}

/** Set in a name signature when the name has a word in Arabic script (compounds across scripts: no quick test). */
const ABJAD_BIT = 1 << 27;
const firstBits = (f: WordFeatures, i: number) => (1 << f.first[i]!) | (1 << f.keyFirst[i]!);

/**
 * Per list name, the first letters (text and key) of the words that may begin a split pair, and of
 * the words long enough to be a compound: a name sharing none with the query's has no plausible
 * compound, known from two numbers.
 */
export interface NameSignatures {
  pairFirst: Int32Array;
  longFirst: Int32Array;
}

export function nameSignatures(v: WordFeatures, nameStart: Int32Array, nameWords: Int32Array): NameSignatures {
  const names = nameStart.length - 1;
  const pairFirst = new Int32Array(names);
  const longFirst = new Int32Array(names);
  for (let n = 0; n < names; n++) {
    let p = 0;
    let l = 0;
    for (let j = nameStart[n]!; j < nameStart[n + 1]!; j++) {
      const w = nameWords[j]!;
      if (v.flags[w]! & ABJAD) p |= ABJAD_BIT;
      if (v.flags[w]! & INITIAL) continue;
      if (j + 1 < nameStart[n + 1]! && !(v.flags[nameWords[j + 1]!]! & INITIAL)) p |= firstBits(v, w);
      if (v.textLength[w]! >= MIN_COMPOUND_LENGTH) l |= firstBits(v, w);
    }
    pairFirst[n] = p;
    longFirst[n] = l | (p & ABJAD_BIT);
  }
  return { pairFirst, longFirst };
}

export class CompoundTables {
  /** Query words that may be one word of a compound split on the list side, and query pairs split on the query side. */
  singles: number[] = [];
  pairs: number[] = [];
  /** First letters of the singles and of the pairs' first words; ABJAD_BIT when the query has Arabic script. */
  private singleFirst = 0;
  private pairFirst = 0;
  // split on the list side: keyed by the list pair's first word, lengths of the pair joined
  private readonly pairText = new LengthTable();
  private readonly pairKey = new LengthTable();
  private readonly pairSkeleton = new LengthTable();
  // split on the query side: keyed by the list word, its own length
  private readonly wordText = new LengthTable();
  private readonly wordKey = new LengthTable();
  private readonly wordSkeleton = new LengthTable();

  /** Fills the tables for one query name (its features `q`). */
  set(q: WordFeatures, count: number): void {
    for (const t of [this.pairText, this.pairKey, this.pairSkeleton, this.wordText, this.wordKey, this.wordSkeleton]) t.clear();
    this.singles = [];
    this.pairs = [];
    this.singleFirst = this.pairFirst = 0;
    for (let i = 0; i < count; i++) {
      if (q.flags[i]! & INITIAL) continue;
      const script = q.flags[i]! & ABJAD ? 1 : 0;
      if (q.textLength[i]! >= MIN_COMPOUND_LENGTH) {
        this.singles.push(i);
        this.singleFirst |= firstBits(q, i) | (script ? ABJAD_BIT : 0);
        const l = q.textLength[i]!;
        this.pairText.add(script, q.first[i]!, l - 3, l + 3);
        this.pairKey.add(script, q.keyFirst[i]!, l - 3, l + 3);
        const s = q.skeletonLength[i]!;
        if (s > 0) this.pairSkeleton.add(1 - script, q.skeletonFirst[i]!, s - 2, s + 2);
      }
      if (i + 1 < count && !(q.flags[i + 1]! & INITIAL)) {
        this.pairs.push(i);
        this.pairFirst |= firstBits(q, i) | (script ? ABJAD_BIT : 0);
        const sum = q.textLength[i]! + q.textLength[i + 1]!;
        this.wordText.add(script, q.first[i]!, sum - 3, sum + 3);
        this.wordKey.add(script, q.keyFirst[i]!, sum - 3, sum + 3);
        const s = q.skeletonLength[i]! + q.skeletonLength[i + 1]!;
        this.wordSkeleton.add(1 - script, q.skeletonFirst[i]!, s - 2, s + 2);
      }
    }
  }

  /**
   * False when name n (its signatures) has no plausible compound with the query for certain: no
   * first letter in common, and no Arabic script on either side. True: look at the words.
   */
  mayHave(sig: NameSignatures, n: number): boolean {
    const p = sig.pairFirst[n]!;
    const l = sig.longFirst[n]!;
    if ((this.singleFirst | this.pairFirst | p) & ABJAD_BIT) return this.singles.length + this.pairs.length > 0;
    return (p & this.singleFirst) !== 0 || (l & this.pairFirst) !== 0;
  }

  /** Whether vocabulary words a, b (adjacent in a list name) joined may be a compound of some query word. */
  pairPlausible(v: WordFeatures, a: number, b: number): boolean {
    if ((v.flags[a]! | v.flags[b]!) & INITIAL) return false;
    const script = v.flags[a]! & ABJAD ? 1 : 0;
    const sum = v.textLength[a]! + v.textLength[b]!;
    return (
      this.pairText.has(script, v.first[a]!, sum) ||
      this.pairKey.has(script, v.keyFirst[a]!, sum) ||
      this.pairSkeleton.has(script, v.skeletonFirst[a]!, v.skeletonLength[a]! + v.skeletonLength[b]!)
    );
  }

  /** Whether vocabulary word e may be two adjacent query words joined. */
  wordPlausible(v: WordFeatures, e: number): boolean {
    if (v.flags[e]! & INITIAL || v.textLength[e]! < MIN_COMPOUND_LENGTH) return false;
    const script = v.flags[e]! & ABJAD ? 1 : 0;
    return (
      this.wordText.has(script, v.first[e]!, v.textLength[e]!) ||
      this.wordKey.has(script, v.keyFirst[e]!, v.textLength[e]!) ||
      this.wordSkeleton.has(script, v.skeletonFirst[e]!, v.skeletonLength[e]!)
    );
  }

  /** plausibleCompound(single s of `fs`, a and b of `fp`) on features. */
  static plausible(fs: WordFeatures, s: number, fp: WordFeatures, a: number, b: number): boolean {
    if ((fs.flags[s]! & ABJAD) !== (fp.flags[a]! & ABJAD)) {
      const sk = fs.skeletonLength[s]!;
      return sk > 0 && fs.skeletonFirst[s] === fp.skeletonFirst[a] && Math.abs(sk - fp.skeletonLength[a]! - fp.skeletonLength[b]!) <= 2;
    }
    return (
      (fs.first[s] === fp.first[a] || fs.keyFirst[s] === fp.keyFirst[a]) &&
      Math.abs(fs.textLength[s]! - fp.textLength[a]! - fp.textLength[b]!) <= 3
    );
  }
}
