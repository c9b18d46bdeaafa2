/**
 * Typo-tolerant lookup of vocabulary words, the fallback that never loses a typo'd query word:
 * - words of up to 6 letters: deletion neighbourhoods (SymSpell): every word is indexed under itself
 *   and each string with one letter removed, so any single insertion, deletion, substitution or
 *   adjacent transposition shares a key;
 * - longer words: padded character trigrams, candidates sharing enough of them.
 * Candidates are always verified with the word similarity before use.
 */

const SHORT = 6;

export interface FuzzyLookup {
  /** Vocabulary ids that may be within a typo of `text` (unverified). */
  candidates(text: string, out: Set<number>): void;
}

function deletes(text: string): string[] {
  const out = [text];
  for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}

function trigrams(text: string): string[] {
  const padded = `^${text}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

/** Freezes a map of growable id lists into typed arrays (a few bytes per posting). */
function freeze(map: Map<string, number[]>): Map<string, Int32Array> {
  const out = new Map<string, Int32Array>();
  for (const [k, v] of map) out.set(k, Int32Array.from(v));
  return out;
}

function add(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

export function buildFuzzyLookup(vocabulary: readonly string[]): FuzzyLookup {
  const delMap = new Map<string, number[]>();
  const triMap = new Map<string, number[]>();
  vocabulary.forEach((text, id) => {
    if (/\d/.test(text) || text.length < 2) return;
    if (text.length <= SHORT + 1) for (const d of deletes(text)) add(delMap, d, id);
    if (text.length >= SHORT) for (const t of trigrams(text)) add(triMap, t, id);
  });
  const del = freeze(delMap);
  const tri = freeze(triMap);
  const counts = new Uint8Array(vocabulary.length);
  const touched: number[] = [];
  return {
    candidates(text, out) {
      if (/\d/.test(text) || text.length < 2) return;
      if (text.length <= SHORT) {
        for (const d of deletes(text)) {
          const ids = del.get(d);
          if (ids) for (const id of ids) out.add(id);
        }
      }
      if (text.length <= SHORT) return; // one edit is fully covered by the deletion neighbourhood
      const grams = trigrams(text);
      // one typo removes at most three trigrams; allow about two
      const need = Math.max(3, grams.length - 5);
      for (const g of grams) {
        const ids = tri.get(g);
        if (!ids) continue;
        for (const id of ids) {
          if (counts[id] === 0) touched.push(id);
          if (counts[id]! < 255) counts[id]!++;
        }
      }
      for (const id of touched) {
        if (counts[id]! >= need) out.add(id);
        counts[id] = 0;
      }
      touched.length = 0;
    },
  };
}
