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
import { explainEntry, nameFloorFor, scoreEntry, type PreparedName, type ScoreOptions } from '../score/person-scorer';
import { prepareQuery } from '../score/score-pair';
import { entryCeiling, type EntryEvidence } from '../score/entry-ceiling';
import { createEvidenceTable } from './entry-evidence';
import { DEFAULT_THRESHOLDS } from '../score/thresholds';
import { MIN_WORD_SIMILARITY, type WordSimilarity } from '../score/word-similarity';
import { articleLength, makeWord, type NameWord } from '../normalise/name-normaliser';
import type { WordStatistics } from '../score/word-weights';
import { buildFuzzyLookup, type FuzzyLookup } from './fuzzy-lookup';
import { buildNameStore, type NameStore } from './name-store';
import { entryNames } from './prepared-names';
import { createNameBounds } from './name-bounds';
import { TopHits } from './top-hits';
import { createCandidateOrder } from './candidate-order';
import { createSimilarityMemo } from './similarity-memo';

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
  const evidenceTable = createEvidenceTable(store.entries);
  const evidence: EntryEvidence = { support: 0, penalty: 0 };

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
  const order = createCandidateOrder(store.nameEntry, store.entries.length);
  const memo = createSimilarityMemo();
  const sim = memo.similarity;

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

  // entry id → entry number, for confirmed identities (built on first use)
  let entryNumbers: Map<string, number> | undefined;

  /** Entries every name of which is scored: an identical document or service number, or a confirmed identity. */
  function decisiveEntries(query: PersonQuery): Set<number> {
    const out = new Set<number>();
    for (const d of [...(query.documents ?? []).map((x) => x.number), ...(query.serviceNumbers ?? [])]) {
      for (const e of documents.get(normaliseDocumentNumber(d)) ?? []) out.add(e);
    }
    if (query.confirmedEntryIds?.length) {
      entryNumbers ??= new Map(store.entries.map((x, i) => [x.id, i]));
      for (const id of query.confirmedEntryIds) {
        const e = entryNumbers.get(id);
        if (e !== undefined) out.add(e);
      }
    }
    return out;
  }

  return function search(query: PersonQuery, searchOptions: SearchOptions = {}): MatchHit[] {
    const { limit = 10, minScore = thresholds.lower } = searchOptions;
    memo.reset();
    const prepared = prepareQuery(query, store);
    // Retrieval: every name sharing a similar word or compound part with the query. A name that
    // shares none has no matching word pair and scores 0.
    const touched: number[] = [];
    for (const name of prepared.names) {
      for (const w of name.words) touch(w, touched);
      for (const w of compoundLookups(name.words)) touch(w, touched);
    }
    for (const n of touched) seen[n] = 0;
    const top = new TopHits(limit);
    const decisive = decisiveEntries(query);
    for (const e of decisive) {
      const scored = scoreEntry(prepared, store.entries[e]!, entryNames(store, preparedCache, e, 'all'), sim, options, minScore, false);
      if (scored) top.add(e, scored);
    }
    // First bound of every name found (cheap).
    const floor = nameFloorFor(query, minScore, options) - 1e-9;
    if (prune) bounds.prepare(prepared.names);
    order.reset();
    evidenceTable.prepare(query);
    // Entries are ordered by their ceiling: their best name's first bound with their own evidence.
    for (const n of touched) {
      const e = store.nameEntry[n]!;
      if (decisive.size > 0 && decisive.has(e)) continue;
      if (!prune) {
        order.add(n, e, 1);
        continue;
      }
      const b = bounds.first(n, floor);
      if (b < floor) continue;
      const ceiling = entryCeiling(b, evidenceTable.evidence(e, evidence), options);
      if (ceiling >= minScore) order.add(n, e, ceiling);
    }
    let visiting = -1;
    const accept = (bound: number) => {
      const ceiling = entryCeiling(bound, evidence, options);
      return bound >= floor && ceiling >= minScore && top.admits(ceiling, visiting);
    };
    let aligned = 0;
    order.visit((e, candidates, edge, ceiling) => {
      let names = candidates;
      if (prune) {
        // Top-k stop: no entry left can enter the hits (edge bounds the ceilings of them all).
        if (!top.admits(edge)) return false;
        if (!top.admits(ceiling, e)) return true;
        // the second, tighter bound of each name, against the floor and the hits held
        evidenceTable.evidence(e, evidence);
        visiting = e;
        names = candidates.filter((n) => bounds.second(n, accept));
      }
      if (names.length === 0) return true;
      aligned += names.length;
      // several query names: the scorer bounds each pair of names itself
      const scored = scoreEntry(
        prepared,
        store.entries[e]!,
        entryNames(store, preparedCache, e, names),
        sim,
        options,
        minScore,
        prune && prepared.names.length > 1,
      );
      if (scored) top.add(e, scored);
      return true;
    });
    work.searches++;
    work.namesTouched += touched.length;
    work.namesAligned += aligned;
    return top.items.map((r) => explainEntry(prepared, store.entries[r.entry]!, r.scored, options));
  };
}
