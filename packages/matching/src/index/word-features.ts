/**
 * What the bounds read of each vocabulary word, in typed arrays: lengths, letter sets, phonetic
 * codes as numbers, flags, and the first letters and lengths the compound test looks at. The hot
 * loops of a search (index/name-bounds.ts) read these instead of the NameWord objects, and test
 * `mayMatch` (score/match-possible.ts) on them; keep the two in step.
 */
import type { NameWord } from '../normalise/name-normaliser';
import { mayBeWithinEdits, typoReach, withoutArticle } from '../score/word-similarity';

/** The words without their joined Arabic article (the word itself where it has none). */
export const withoutArticles = (words: readonly NameWord[]): NameWord[] => words.map((w) => (w.article ? withoutArticle(w) : w));

export const INITIAL = 1;
export const ABJAD = 2;
export const ARTICLE_FLAG = 4;
/** The primary phonetic code has two letters or more (mayMatch's phonetic test needs it on the query side). */
export const PHONETIC = 8;
/** Two adjacent words joined: typo reach is two edits wider (what stood between them is lost). */
export const COMPOUND = 16;

/** The features of a list of words (the vocabulary, or one query name's words). */
export interface WordFeatures {
  textLength: Uint16Array;
  keyLength: Uint16Array;
  letters: Int32Array;
  keyLetters: Int32Array;
  doubled: Int32Array;
  keyDoubled: Int32Array;
  /** Double Metaphone codes as numbers (equal codes, equal numbers; a query's unknown code is negative). */
  phonetic1: Int32Array;
  phonetic2: Int32Array;
  flags: Uint8Array;
  /** First character codes of text, key and consonant skeleton (27: none or not a letter), skeleton length. */
  first: Uint8Array;
  keyFirst: Uint8Array;
  skeletonFirst: Uint8Array;
  skeletonLength: Uint16Array;
}

const letterCode = (s: string) => {
  const c = s.charCodeAt(0) - 97;
  return c >= 0 && c < 26 ? c : 26;
};

export type PhoneticCodes = Map<string, number>;

function allocate(n: number): WordFeatures {
  return {
    textLength: new Uint16Array(n),
    keyLength: new Uint16Array(n),
    letters: new Int32Array(n),
    keyLetters: new Int32Array(n),
    doubled: new Int32Array(n),
    keyDoubled: new Int32Array(n),
    phonetic1: new Int32Array(n),
    phonetic2: new Int32Array(n),
    flags: new Uint8Array(n),
    first: new Uint8Array(n),
    keyFirst: new Uint8Array(n),
    skeletonFirst: new Uint8Array(n),
    skeletonLength: new Uint16Array(n),
  };
}

/** Numbers phonetic codes: `extend` adds unknown codes, else each unknown code gets its own negative number. */
function coder(codes: PhoneticCodes, extend: boolean): (c: string) => number {
  let unknown = -2;
  return (c) => {
    let id = codes.get(c);
    if (id === undefined && extend) codes.set(c, (id = codes.size));
    return id ?? unknown--;
  };
}

function set(f: WordFeatures, i: number, w: NameWord, code: (c: string) => number): void {
  f.textLength[i] = Math.min(w.text.length, 65535);
  f.keyLength[i] = Math.min(w.key.length, 65535);
  f.letters[i] = w.letters;
  f.keyLetters[i] = w.keyLetters;
  f.doubled[i] = w.doubled;
  f.keyDoubled[i] = w.keyDoubled;
  f.phonetic1[i] = code(w.phonetic[0]);
  f.phonetic2[i] = code(w.phonetic[1]);
  f.flags[i] =
    (w.initial ? INITIAL : 0) |
    (w.abjad ? ABJAD : 0) |
    (w.article ? ARTICLE_FLAG : 0) |
    (w.phonetic[0].length > 1 ? PHONETIC : 0) |
    (w.compound ? COMPOUND : 0);
  f.first[i] = letterCode(w.text);
  f.keyFirst[i] = letterCode(w.key);
  f.skeletonFirst[i] = w.skeleton.length ? letterCode(w.skeleton) : 27;
  f.skeletonLength[i] = Math.min(w.skeleton.length, 65535);
}

/** Features of `words`; phonetic codes are numbered in `codes` (extended when `extend`). */
export function wordFeatures(words: readonly NameWord[], codes: PhoneticCodes, extend: boolean): WordFeatures {
  const f = allocate(words.length);
  const code = coder(codes, extend);
  words.forEach((w, i) => set(f, i, w, code));
  return f;
}

/**
 * Features of `count` derived words, built one at a time by `word(i)` (undefined: none there) and
 * not kept (an index has millions of adjacent word pairs, far too many to keep as objects), with
 * the features of the same words without their joined article.
 */
export function derivedFeatures(
  count: number,
  word: (i: number) => NameWord | undefined,
  codes: PhoneticCodes,
): [WordFeatures, WordFeatures] {
  const f = allocate(count);
  const stripped = allocate(count);
  const code = coder(codes, true);
  for (let i = 0; i < count; i++) {
    const w = word(i);
    if (!w) continue;
    set(f, i, w, code);
    if (w.article) set(stripped, i, withoutArticle(w), code);
  }
  return [f, stripped];
}

/** mayMatch's tests that need no article: same script and no initial, then spelling, key and sound. */
function closeEnough(q: WordFeatures, i: number, v: WordFeatures, w: number): boolean {
  const reach = typoReach(Math.max(q.textLength[i]!, v.textLength[w]!)) + ((q.flags[i]! | v.flags[w]!) & COMPOUND ? 2 : 0);
  if (mayBeWithinEdits(q.textLength[i]!, v.textLength[w]!, q.letters[i]!, v.letters[w]!, q.doubled[i]!, v.doubled[w]!, reach)) return true;
  if (mayBeWithinEdits(q.keyLength[i]!, v.keyLength[w]!, q.keyLetters[i]!, v.keyLetters[w]!, q.keyDoubled[i]!, v.keyDoubled[w]!, reach))
    return true;
  const p1 = q.phonetic1[i]!;
  return (q.flags[i]! & PHONETIC) !== 0 && (p1 === v.phonetic1[w] || p1 === v.phonetic2[w] || q.phonetic2[i] === v.phonetic1[w]);
}

/** mayMatchFeatures' answers: no, yes, or ask `mayMatch` with the two words. */
export const NO = 0;
export const YES = 1;
export const ASK = 2;

/**
 * `mayMatch(query word i, vocabulary word w)` from the features. `qs` and `vs` hold the features
 * of the same words without their joined article (read only where the word has one); for a word
 * that still has one once it is taken off, the answer is ASK: the caller asks `mayMatch` itself.
 */
export function mayMatchFeatures(q: WordFeatures, qs: WordFeatures, i: number, v: WordFeatures, vs: WordFeatures, w: number): number {
  const fq = q.flags[i]!;
  const fv = v.flags[w]!;
  if ((fq | fv) & INITIAL) return q.first[i] === v.first[w] ? YES : NO;
  if ((fq & ABJAD) !== (fv & ABJAD)) return YES;
  if (closeEnough(q, i, v, w)) return YES;
  if ((fq & ARTICLE_FLAG) === (fv & ARTICLE_FLAG)) return NO;
  // the article joined on one side only: compared again without it
  if (fq & ARTICLE_FLAG) return qs.flags[i]! & ARTICLE_FLAG ? ASK : closeEnough(qs, i, v, w) ? YES : NO;
  return vs.flags[w]! & ARTICLE_FLAG ? ASK : closeEnough(q, i, vs, w) ? YES : NO;
}
