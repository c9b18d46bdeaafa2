/**
 * The search index of one list version: built once (`buildIndex`), then queried many times.
 *
 * Retrieval: each query word is looked up exactly, by romanisation variant key, by consonant
 * skeleton (abjad scripts), by phonetic code, and through the typo-tolerant fuzzy lookup; every
 * vocabulary word found is verified with the word similarity, and the names containing it
 * accumulate similarity × weight. The best-accumulating names (and any entry sharing a document
 * number) are then scored in full.
 */
import type { ListEntry, PersonQuery } from '../model';
import { normaliseDocumentNumber } from '../normalise/document-normaliser';
import type { MatchHit } from '../score/match-hit';
import { nameFloorFor, scorePrepared, type PreparedName, type ScoreOptions } from '../score/person-scorer';
import { prepareQuery } from '../score/score-pair';
import { DEFAULT_THRESHOLDS } from '../score/thresholds';
import { MIN_WORD_SIMILARITY, wordSimilarity, type WordSimilarity } from '../score/word-similarity';
import { articleLength, makeWord, type NameWord } from '../normalise/name-normaliser';
import type { WordStatistics } from '../score/word-weights';
import { mayMatch } from '../score/match-possible';
import { buildFuzzyLookup, type FuzzyLookup } from './fuzzy-lookup';
import { buildNameStore, type NameStore } from './name-store';
import { entryNames } from './prepared-names';
import { createNameBounds } from './name-bounds';

export interface IndexOptions extends ScoreOptions {
  /**
   * Skip names that cannot reach `minScore`, by a sound upper bound of their name score (no hit the
   * scorer would return is lost). Default true; false aligns every name retrieval finds (for checks).
   */
  prune?: boolean;
  /** Called every 100,000 entries while building. */
  onProgress?: (entriesDone: number) => void;
}

export interface SearchOptions {
  /** Most hits returned. Default 10. */
  limit?: number;
  /** Lowest score returned (decisive `match` hits are always returned). Default: the lower threshold. */
  minScore?: number;
}

export interface MatchingIndex {
  /** Ranked hits, best first. */
  search(query: PersonQuery, options?: SearchOptions): MatchHit[];
  /** Word statistics of this list version, for `scorePair`. */
  readonly statistics: WordStatistics;
  readonly size: { entries: number; names: number; words: number };
  /** Work done by all searches so far (cumulative counts), for benchmarks and capacity planning. */
  readonly work: SearchWork;
}

export interface SearchWork {
  searches: number;
  /** Names retrieval found (sharing a similar word or compound part with a query name). */
  namesTouched: number;
  /** Names whose score bound reached the floor, aligned in full. */
  namesAligned: number;
}

/** What the index's similarity says for a pair that cannot match (never used as a match). */
const NO_MATCH: WordSimilarity = { similarity: 0, how: 'typo' };

function groupBy(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

export function buildIndex(entries: readonly ListEntry[], options: IndexOptions = {}): MatchingIndex {
  const store = buildNameStore(entries, options.onProgress);
  const fuzzy = buildFuzzyLookup(store.words.map((w) => w.text));
  const skeletons = new Map<string, number[]>();
  const phonetic = new Map<string, number[]>();
  store.words.forEach((w, id) => {
    if (w.skeleton.length >= 2) groupBy(skeletons, w.skeleton, id);
    if (w.phonetic[0].length >= 2) groupBy(phonetic, w.phonetic[0], id);
  });
  const documents = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const d of e.documents) groupBy(documents, normaliseDocumentNumber(d.number), i);
    for (const s of e.serviceNumbers) groupBy(documents, normaliseDocumentNumber(s), i);
  });
  const work: SearchWork = { searches: 0, namesTouched: 0, namesAligned: 0 };
  const searcher = createSearcher(store, fuzzy, skeletons, phonetic, documents, options, work);
  return {
    search: searcher,
    work,
    statistics: store,
    size: { entries: entries.length, names: store.nameCount, words: store.words.length },
  };
}

function createSearcher(
  store: NameStore,
  fuzzy: FuzzyLookup,
  skeletons: Map<string, number[]>,
  phonetic: Map<string, number[]>,
  documents: Map<string, number[]>,
  options: IndexOptions,
  work: SearchWork,
) {
  const seen = new Uint8Array(store.nameCount);
  const prune = options.prune ?? true;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const bounds = createNameBounds(store, options);

  /**
   * Compounds written apart on one side and together on the other: adjacent query words joined
   * ("عتیق الله" → "Attiqullah"), and unknown query words split where both halves are list words
   * ("Kwangil" → "Kwang Il"). Each comes with the query weight it stands for.
   */
  function compoundLookups(words: NameWord[]): NameWord[] {
    const out: NameWord[] = [];
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (a.initial || b.initial) continue;
      out.push(makeWord(a.text + b.text, { abjad: a.abjad }));
    }
    for (const w of words) {
      if (w.text.length < 5 || store.wordIds.has(w.text)) continue;
      for (let cut = 2; cut <= w.text.length - 2; cut++) {
        const left = store.wordIds.get(w.text.slice(0, cut));
        // a list word as the first part is enough when the rest may carry a typo ("Kyonggil" → "Kyong Il")
        if (left === undefined || (cut < 3 && !store.wordIds.has(w.text.slice(cut)))) continue;
        out.push(store.words[left]!);
        const right = store.wordIds.get(w.text.slice(cut));
        if (right !== undefined) out.push(store.words[right]!);
      }
    }
    return out;
  }

  const preparedCache = new Map<number, PreparedName>();
  // Word pairs repeat within a query (the same list words come back in many candidate names): their
  // similarity is memoised for one query. A memo kept across queries grew to hundreds of thousands
  // of pairs, most never met again, and cost more in map upkeep (and in a long pause when cleared)
  // than it saved. NameWord objects are shared per spelling (makeWord's cache), so identity is a sound key.
  let memo = new Map<NameWord, Map<NameWord, WordSimilarity>>();
  let lastWord: NameWord | undefined;
  let lastRow: Map<NameWord, WordSimilarity> | undefined;
  const sim = (a: NameWord, b: NameWord): WordSimilarity => {
    if (!mayMatch(a, b)) return NO_MATCH;
    let row = lastRow;
    if (a !== lastWord) {
      row = memo.get(a);
      if (!row) memo.set(a, (row = new Map()));
      lastWord = a;
      lastRow = row;
    }
    let s = row!.get(b);
    if (!s) row!.set(b, (s = wordSimilarity(a, b)));
    return s;
  };
  const resetMemo = () => {
    memo = new Map();
    lastWord = lastRow = undefined;
  };

  // Query words repeat across queries (common given names): their verified neighbours are cached.
  const neighbourCache = new Map<string, Map<number, number>>();
  const NEIGHBOUR_CACHE_SIZE = 20_000;

  function cachedSimilarWords(q: NameWord, sim: (a: NameWord, b: NameWord) => WordSimilarity): Map<number, number> {
    const key = `${q.abjad ? 1 : 0}${q.patronymic ? 1 : 0}${q.text}`;
    let found = neighbourCache.get(key);
    if (!found) {
      if (neighbourCache.size >= NEIGHBOUR_CACHE_SIZE) neighbourCache.clear();
      neighbourCache.set(key, (found = similarWords(q, sim)));
    }
    return found;
  }

  /** Vocabulary words similar to one query word, verified, with their similarity. */
  function similarWords(q: NameWord, sim: (a: NameWord, b: NameWord) => WordSimilarity): Map<number, number> {
    const found = new Map<number, number>();
    if (q.initial) return found; // initials score, they do not retrieve
    const ids = new Set<number>();
    const exact = store.wordIds.get(q.text);
    if (exact !== undefined) ids.add(exact);
    for (const id of store.keyWords.get(q.key) ?? []) ids.add(id);
    if (q.abjad) for (const id of skeletons.get(q.skeleton) ?? []) ids.add(id);
    const ph = phonetic.get(q.phonetic[0]);
    if (ph && ph.length <= 100) for (const id of ph) ids.add(id);
    fuzzy.candidates(q.text, ids);
    // the same lookups without a glued article ("Aldzhavlani" → "dzhavlani" ~ "Jawlani")
    if (q.article) {
      const rest = makeWord(q.text.slice(articleLength(q)), { abjad: q.abjad });
      const id = store.wordIds.get(rest.text);
      if (id !== undefined) ids.add(id);
      for (const k of store.keyWords.get(rest.key) ?? []) ids.add(k);
      if (rest.abjad) for (const k of skeletons.get(rest.skeleton) ?? []) ids.add(k);
      fuzzy.candidates(rest.text, ids);
    }
    for (const id of ids) {
      const s = sim(q, store.words[id]!).similarity;
      if (s >= MIN_WORD_SIMILARITY) found.set(id, s);
    }
    return found;
  }

  /** Marks every name containing a vocabulary word similar to `word`. */
  function touch(word: NameWord, touched: number[]): void {
    for (const id of cachedSimilarWords(word, sim).keys()) {
      for (let p = store.postStart[id]!; p < store.postStart[id + 1]!; p++) {
        const n = store.postNames[p]!;
        if (seen[n]) continue;
        seen[n] = 1;
        touched.push(n);
      }
    }
  }

  return function search(query: PersonQuery, searchOptions: SearchOptions = {}): MatchHit[] {
    const { limit = 10, minScore = thresholds.lower } = searchOptions;
    resetMemo();
    const prepared = prepareQuery(query, store);
    // Retrieval: every name sharing a similar word or compound part with the query. A name that
    // shares none has no matching word pair and scores 0.
    const touched: number[] = [];
    for (const name of prepared.names) {
      for (const w of name.words) touch(w, touched);
      for (const w of compoundLookups(name.words)) touch(w, touched);
    }
    for (const n of touched) seen[n] = 0;
    // Pruning: only names whose sound upper bound reaches the floor are aligned.
    const kept = prune ? bounds.keep(prepared.names, touched, nameFloorFor(query, minScore, options) - 1e-9, sim) : touched;
    work.searches++;
    work.namesTouched += touched.length;
    work.namesAligned += kept.length;
    // entry → the names worth scoring (all names when found through documents or confirmation)
    const entryIds = new Map<number, number[] | 'all'>();
    for (const n of kept) {
      const e = store.nameEntry[n]!;
      const list = entryIds.get(e);
      if (list === undefined) entryIds.set(e, [n]);
      else if (list !== 'all') list.push(n);
    }
    for (const d of [...(query.documents ?? []).map((x) => x.number), ...(query.serviceNumbers ?? [])]) {
      for (const e of documents.get(normaliseDocumentNumber(d)) ?? []) entryIds.set(e, 'all');
    }
    for (const id of query.confirmedEntryIds ?? []) {
      const e = store.entries.findIndex((x) => x.id === id);
      if (e >= 0) entryIds.set(e, 'all');
    }
    const hits: MatchHit[] = [];
    for (const [e, names] of entryIds) {
      // one query name: its bound was taken above, tighter than the scorer's own
      const hit = scorePrepared(prepared, store.entries[e]!, entryNames(store, preparedCache, e, names), sim, options, minScore, prune && prepared.names.length > 1);
      if (hit) hits.push(hit);
    }
    hits.sort((a, b) => Number(b.band === 'match') - Number(a.band === 'match') || b.score - a.score);
    return hits.slice(0, limit);
  };
}
