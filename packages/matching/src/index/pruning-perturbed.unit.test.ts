import { describe, expect, it } from 'vitest';
import type { ListEntry, PersonQuery } from '../model';
import { toArabic, toCyrillic } from '../../bench/script-writers';
import { pick, seededRandom, type Random } from '../../bench/seeded-random';
import { createPersonGenerator, syntheticList } from '../../bench/synthetic-names';
import { buildIndex } from './candidate-index';

// A list where common given and family names repeat hundreds of times beside a long tail of rare
// ones: the top-k stop and the name bounds skip most namesakes, and a query's rare word (the one that
// tells a person apart) is the one a typo is put in. Seeded: every run draws the same queries.
const list: ListEntry[] = syntheticList(seededRandom(2024), 3000);
const pruned = buildIndex(list);
const full = buildIndex(list, { prune: false });

const counts = new Map<string, number>();
for (const e of list) for (const n of e.names) for (const w of n.full.toLowerCase().split(/\s+/)) counts.set(w, (counts.get(w) ?? 0) + 1);
const rarity = (w: string) => counts.get(w.toLowerCase()) ?? 0;

/** One typo (a letter dropped, two swapped, or one replaced) in the rarest word of at least four letters. */
function typoInRarest(rnd: Random, words: string[]): string[] {
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
  if (candidates.length === 0) return words;
  const [w, i] = candidates.reduce((a, b) => (rarity(b[0]) < rarity(a[0]) ? b : a));
  const at = 1 + Math.floor(rnd() * (w.length - 2));
  const kind = Math.floor(rnd() * 3);
  const typo =
    kind === 0
      ? w.slice(0, at) + w.slice(at + 1)
      : kind === 1
        ? w.slice(0, at) + w[at + 1]! + w[at]! + w.slice(at + 2)
        : w.slice(0, at) + (w[at] === 'e' ? 'a' : 'e') + w.slice(at + 1);
  return words.map((x, k) => (k === i ? typo : x));
}

type Perturbation = (rnd: Random, words: string[]) => string;
const perturbations: Record<string, Perturbation> = {
  'typo in the rare word': (rnd, words) => typoInRarest(rnd, words).join(' '),
  reordered: (rnd, words) => typoInRarest(rnd, [...words].reverse()).join(' '),
  'given names as initials': (_rnd, words) => words.map((w, i) => (i < words.length - 1 ? `${w[0]}.` : w)).join(' '),
  'in Cyrillic': (_rnd, words) => toCyrillic(words.join(' ')),
  'in Arabic script': (_rnd, words) => toArabic(words.join(' ')),
  'a word dropped': (_rnd, words) => (words.length > 2 ? words.slice(1) : words).join(' '),
};

interface Case {
  kind: string;
  query: PersonQuery;
  /** The listed entry the query was made from (none for a stranger). */
  entryId?: string;
}

function queries(): Case[] {
  const rnd = seededRandom(7);
  const strangers = createPersonGenerator(seededRandom(8));
  const out: Case[] = [];
  for (let i = 0; i < 40; i++) {
    const entry = pick(rnd, list);
    const words = pick(rnd, entry.names).full.split(/\s+/);
    // half with the listed date of birth (the entry ceilings then order namesakes), half without
    const dateOfBirth = i % 2 === 0 ? entry.datesOfBirth[0] : undefined;
    for (const [kind, perturb] of Object.entries(perturbations))
      out.push({ kind, query: { names: [perturb(rnd, words)], dateOfBirth }, entryId: entry.id });
    const stranger = strangers();
    out.push({ kind: 'not listed', query: { names: [stranger.name], dateOfBirth: stranger.dob, nationalities: [stranger.nationality] } });
  }
  return out;
}

describe('search pruning on perturbed queries', () => {
  const cases = queries();

  it('when the queries are perturbed listed names and strangers, then the pruned search returns exactly the unpruned search’s hits', () => {
    for (const { kind, query } of cases) {
      const label = `${kind}: ${query.names.join(' | ')}`;
      // the defaults (10 best, lower threshold): the top-k stop is at work
      expect(pruned.search(query), label).toEqual(full.search(query));
      // every hit down to a low score: only the name bounds skip
      expect(pruned.search(query, { limit: 1000, minScore: 0.2 }), label).toEqual(full.search(query, { limit: 1000, minScore: 0.2 }));
    }
  });

  it('when the queries are perturbed, then the pruned search aligns far fewer names than the unpruned one (the check compares real pruning)', () => {
    const [p0, f0] = [pruned.work.namesAligned, full.work.namesAligned];
    for (const { query } of cases) {
      pruned.search(query);
      full.search(query);
    }
    expect(pruned.work.namesAligned - p0).toBeLessThan((full.work.namesAligned - f0) / 4);
  });

  it('when a listed name is perturbed, then its entry is still among the hits of the pruned search (the queries are hard, not unrelated)', () => {
    const listed = cases.filter((c) => c.entryId !== undefined);
    const found = listed.filter((c) => pruned.search(c.query).some((h) => h.entryId === c.entryId));
    expect(found.length).toBeGreaterThan(listed.length * 0.8);
  });
});
