/**
 * Compact storage of every normalised name of a list version: interned words (one NameWord object
 * per distinct word) and flat typed arrays for names and postings, so that a million names fit
 * comfortably in memory.
 */
import type { ListEntry } from '../model';
import { normaliseName, type NameWord } from '../normalise/name-normaliser';
import { wordWeight, type WordStatistics } from '../score/word-weights';

export interface NameStore extends WordStatistics {
  entries: readonly ListEntry[];
  /** Distinct words; `words[id]`. */
  words: NameWord[];
  /** The same word flagged as a patronymic (created once, so identity-based memoisation works). */
  patronymicWords: (NameWord | undefined)[];
  wordIds: Map<string, number>;
  weights: Float32Array;
  df: Int32Array;
  /** Names: words of name n are nameWords[nameStart[n] .. nameStart[n+1]). */
  nameStart: Int32Array;
  nameWords: Int32Array;
  /** Bit 1: the word is a patronymic in this name; bit 2: a kunya (it followed "Abu"). */
  nameFlags: Uint8Array;
  nameEntry: Int32Array;
  /** Sum of the word weights of each name. */
  nameWeight: Float32Array;
  /** Index of the name inside its entry's `names`. */
  nameSlot: Uint16Array;
  /** Postings: names containing word w are postNames[postStart[w] .. postStart[w+1]). */
  postStart: Int32Array;
  postNames: Int32Array;
  /** Variant key → word ids, for the key's document frequency and variant lookup. */
  keyWords: Map<string, number[]>;
}

class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function buildNameStore(entries: readonly ListEntry[], onProgress?: (done: number) => void): NameStore {
  const wordIds = new Map<string, number>();
  const words: NameWord[] = [];
  const nameStart = new GrowableInt32();
  const nameWords = new GrowableInt32();
  const flags: number[] = [];
  const nameEntry = new GrowableInt32();
  const slots: number[] = [];
  nameStart.push(0);
  entries.forEach((entry, e) => {
    if (onProgress && e % 100_000 === 0 && e > 0) onProgress(e);
    entry.names.forEach((n, slot) => {
      const normalised = normaliseName(n.full);
      for (let k = 0; k < normalised.words.length; k++) {
        const w = normalised.words[k]!;
        let id = wordIds.get(w.text);
        if (id === undefined) {
          id = words.length;
          wordIds.set(w.text, id);
          // store the word without occurrence-specific flags; the patronymic bit lives per name
          words.push(w.patronymic ? { ...w, patronymic: false } : w);
        }
        nameWords.push(id);
        flags.push((w.patronymic ? 1 : 0) | ((normalised.kunya >>> k) & 1 ? 2 : 0));
      }
      nameStart.push(nameWords.length);
      nameEntry.push(e);
      slots.push(slot);
    });
  });
  const nameCount = nameEntry.length;
  const starts = nameStart.toArray();
  const flat = nameWords.toArray();
  // document frequency (per name, a word counted once) and CSR postings
  const df = new Int32Array(words.length);
  const lastSeen = new Int32Array(words.length).fill(-1);
  for (let n = 0; n < nameCount; n++) {
    for (let i = starts[n]!; i < starts[n + 1]!; i++) {
      const w = flat[i]!;
      if (lastSeen[w] !== n) {
        lastSeen[w] = n;
        df[w]!++;
      }
    }
  }
  const postStart = new Int32Array(words.length + 1);
  for (let w = 0; w < words.length; w++) postStart[w + 1] = postStart[w]! + df[w]!;
  const fill = postStart.slice(0, words.length);
  const postNames = new Int32Array(postStart[words.length]!);
  lastSeen.fill(-1);
  for (let n = 0; n < nameCount; n++) {
    for (let i = starts[n]!; i < starts[n + 1]!; i++) {
      const w = flat[i]!;
      if (lastSeen[w] === n) continue;
      lastSeen[w] = n;
      postNames[fill[w]!++] = n;
    }
  }
  const keyWords = new Map<string, number[]>();
  words.forEach((w, id) => {
    const list = keyWords.get(w.key);
    if (list) list.push(id);
    else keyWords.set(w.key, [id]);
  });
  const store: NameStore = {
    entries,
    words,
    patronymicWords: new Array(words.length),
    wordIds,
    weights: new Float32Array(words.length),
    df,
    nameStart: starts,
    nameWords: flat,
    nameFlags: Uint8Array.from(flags),
    nameEntry: nameEntry.toArray(),
    nameWeight: new Float32Array(nameCount),
    nameSlot: Uint16Array.from(slots),
    postStart,
    postNames,
    keyWords,
    nameCount,
    documentFrequency(word) {
      // A spelling is as common as the most common spelling of its name: "Mukhammad" (a Russian
      // transliteration listed twice) or an unseen "Mouhammad" weighs as little as "Muhammad", or
      // a query written in Cyrillic would make common names count like rare ones.
      const id = wordIds.get(word.text);
      let max = id === undefined ? 0 : df[id]!;
      for (const k of keyWords.get(word.key) ?? []) max = Math.max(max, df[k]!);
      return max;
    },
  };
  words.forEach((w, id) => (store.weights[id] = wordWeight(w, store)));
  for (let n = 0; n < nameCount; n++) {
    let sum = 0;
    for (let i = starts[n]!; i < starts[n + 1]!; i++) sum += store.weights[flat[i]!]!;
    store.nameWeight[n] = sum;
  }
  return store;
}

/** The word of name occurrence i, with its per-name patronymic flag. */
export function wordAt(store: NameStore, i: number): NameWord {
  const id = store.nameWords[i]!;
  return store.nameFlags[i]! & 1 ? patronymicWord(store, id) : store.words[id]!;
}

/** Word `id` flagged as a patronymic (one object per word, so identity-based memoisation works). */
export function patronymicWord(store: NameStore, id: number): NameWord {
  let p = store.patronymicWords[id];
  if (!p) store.patronymicWords[id] = p = { ...store.words[id]!, patronymic: true };
  return p;
}
