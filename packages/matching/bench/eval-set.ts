/**
 * The labelled evaluation set: true variants generated from real list entries, and hard negatives.
 * Every query carries its kind, so recall can be reported per kind of variation. Entries are split
 * in two halves (seeded): thresholds are calibrated on one and reported on the other.
 */
import type { PersonQuery } from '../src/index';
import type { UnEntry } from './list-parsers';
import { toArabic, toCyrillic } from './script-writers';
import { createPersonGenerator } from './synthetic-names';
import { pick, seededRandom, type Random } from './seeded-random';
import { jaroWinkler, normaliseName, osaDistance, variantKey, type NameWord } from '../src/index';

export interface EvalQuery {
  id: string;
  query: PersonQuery;
  /** The entry the query must find; undefined for negatives (nothing on the list should be flagged). */
  targetId?: string;
  /** For negatives: the entry the query was derived from (it must not be flagged either). */
  sourceId: string;
  kind: string;
  positive: boolean;
  half: 'calibrate' | 'report';
}

const HONORIFICS = ['Col.', 'Sgt.', 'Capt.', 'Maj.', 'Lt.', 'Gen.', 'Dr.', 'Mr.', 'Haji', 'Sheikh', 'Colonel', 'Mullah'];
const SWAPS: [RegExp, string][] = [
  [/\bmohammad\b|\bmuhammad\b/i, 'Mohamed'],
  [/\bmohamed\b|\bmohammed\b/i, 'Muhammad'],
  [/\babdul\b/i, 'Abdel'],
  [/\babdel\b/i, 'Abd al-'],
  [/\byusuf\b|\byousef\b/i, 'Youssef'],
  [/\bhussein\b|\bhussain\b/i, 'Husayn'],
  [/\bhassan\b/i, 'Hasan'],
  [/\bahmad\b/i, 'Ahmed'],
  [/kh/i, 'h'],
  [/ou/i, 'u'],
  [/u/i, 'ou'],
  [/ee/i, 'i'],
  [/ov\b/i, 'off'],
  [/iy\b/i, 'y'],
  [/i\b/i, 'y'],
  [/y/i, 'i'],
  [/([bdfgklmnprst])\1/i, '$1'],
  [/([bdlmnrst])([aeiou])/i, '$1$1$2'],
  [/\bal-/i, 'al '],
  [/\bal /i, 'al-'],
];
const words = (s: string) => s.split(/\s+/).filter(Boolean);

function typo(rnd: Random, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 2));
  const letters = 'abcdefghiklmnorstuy';
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, i) + pick(rnd, [...letters]) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + pick(rnd, [...letters]) + word.slice(i);
    default:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  }
}

/** Word frequencies over the list, to find a name's most distinctive (rarest) word. */
let frequency = new Map<string, number>();
const freq = (w: string) => frequency.get(w.toLowerCase()) ?? 0;
/** Index of the rarest word (longest on ties): the family or otherwise distinctive name. */
const distinctive = (ws: string[]) =>
  ws.reduce((best, w, i) => (freq(w) < freq(ws[best]!) || (freq(w) === freq(ws[best]!) && w.length > ws[best]!.length) ? i : best), 0);

type Variant = (rnd: Random, name: string, e: UnEntry) => string | undefined;

const POSITIVE: Record<string, Variant> = {
  'alias as listed': (_r, n) => n,
  'reordered (SURNAME, Given)': (_r, n) => {
    const w = words(n);
    return w.length < 2 ? undefined : `${w.at(-1)!.toUpperCase()}, ${w.slice(0, -1).join(' ')}`;
  },
  'reversed order': (_r, n) => words(n).reverse().join(' '),
  'middle name dropped': (rnd, n) => {
    const w = words(n);
    if (w.length < 3) return undefined;
    w.splice(1 + Math.floor(rnd() * (w.length - 2)), 1);
    return w.join(' ');
  },
  'middle name added': (rnd, n) => {
    const w = words(n);
    w.splice(1, 0, pick(rnd, ['Ahmed', 'Ali', 'John', 'Maria', 'Ivan', 'Hassan', 'Jean', 'Abdul']));
    return w.join(' ');
  },
  'one typo': (rnd, n) => {
    const w = words(n);
    const i = distinctive(w);
    w[i] = typo(rnd, w[i]!);
    return w.join(' ');
  },
  'two typos': (rnd, n) => {
    const w = words(n);
    if (w.length < 2) return undefined;
    const i = Math.floor(rnd() * w.length);
    w[i] = typo(rnd, w[i]!);
    const j = (i + 1) % w.length;
    w[j] = typo(rnd, w[j]!);
    return w.join(' ');
  },
  'initial for a given name': (_r, n) => {
    const w = words(n);
    if (w.length < 3) return undefined;
    w[0] = `${w[0]![0]}.`;
    return w.join(' ');
  },
  'honorific added': (rnd, n) => `${pick(rnd, HONORIFICS)} ${n}`,
  'romanisation variant': (rnd, n) => {
    for (let k = 0; k < 6; k++) {
      const [re, to] = pick(rnd, SWAPS);
      if (re.test(n)) return n.replace(re, to);
    }
    return undefined;
  },
  'written in Cyrillic': (_r, n) => toCyrillic(n),
  'written in Arabic script': (_r, n) => toArabic(n),
  'original script (Arabic) from the list': (_r, _n, e) =>
    e.originalScript && /[\u0600-\u06ff]/.test(e.originalScript) ? e.originalScript : undefined,
  'combined: variant + typo + reordered': (rnd, n) => {
    const v = POSITIVE['romanisation variant']!(rnd, n, undefined as never) ?? n;
    const t = POSITIVE['one typo']!(rnd, v, undefined as never)!;
    return POSITIVE['reordered (SURNAME, Given)']!(rnd, t, undefined as never) ?? t;
  },
};

function dobVariant(rnd: Random, e: UnEntry): string | undefined {
  const d = e.datesOfBirth[0];
  if (!d || rnd() < 0.3) return undefined;
  return rnd() < 0.5 ? d : d.slice(0, 4); // partial date of birth: year only
}

/**
 * A name word as the generator judges "the same word": its folded text and romanisation key
 * (particles and honorifics are not name words).
 */
const nameWords = (s: string) => normaliseName(s).words.filter((w) => !w.initial);
const close = (a: NameWord, b: NameWord) =>
  a.key === b.key || (Math.min(a.text.length, b.text.length) >= 4 && osaDistance(a.text, b.text) <= 1);
/** Every word of the shorter name has a close counterpart in the other: a legitimate variant (a middle name added or dropped, a typo), never a negative. */
function isVariantOf(query: string, listed: string): boolean {
  const [a, b] = [nameWords(query), nameWords(listed)];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && short.every((w) => long.some((v) => close(w, v)));
}
/**
 * "SURNAME, Given" (OFAC's form) as "Given SURNAME": the variants assume natural order, or "initial for
 * a given name" would shorten the family name to an initial and "reordered" would reorder twice.
 */
const naturalOrder = (full: string) => {
  const m = /^([^,]+),\s*([^,]+)$/.exec(full.trim());
  return m ? `${m[2]!.trim()} ${m[1]!.trim()}` : full;
};
/** A name clean enough to derive a negative from: 2–6 words, no notes in brackets or lists of aliases. */
const clean = (s: string) => !/[(;)\d]/.test(s) && words(s).length >= 2 && words(s).length <= 6;

/**
 * Negatives are checked against every Latin name of the source entry and, by word keys, against
 * the whole list: a "negative" that is one of the entry's aliases with a word added, or a namesake
 * of another listed person, cannot be told apart from a true variant by any name matcher and is
 * dropped (counted in `droppedNegatives`).
 */
export const droppedNegatives: Record<string, number> = {};

/** Queries from the individuals of `entries` (only those in `sources` when given); negatives are checked against every name. */
export function buildEvalSet(entries: UnEntry[], seed = 20251127, sources?: ReadonlySet<string>): EvalQuery[] {
  const rnd = seededRandom(seed);
  frequency = new Map();
  for (const e of entries) for (const n of e.names) for (const w of words(n.full)) frequency.set(w.toLowerCase(), freq(w) + 1);
  for (const k of Object.keys(droppedNegatives)) delete droppedNegatives[k];
  // word key → names holding it, to find namesakes anywhere on the list
  const allNames = entries.flatMap((e) => e.names.map((n) => n.full));
  const byKey = new Map<string, number[]>();
  allNames.forEach((n, i) => {
    for (const w of nameWords(n)) {
      const l = byKey.get(w.key) ?? [];
      if (l.at(-1) !== i) l.push(i);
      byKey.set(w.key, l);
    }
  });
  const namesake = (q: string) => {
    const ws = nameWords(q);
    if (!ws.length) return false;
    const candidates = new Set(ws.flatMap((w) => byKey.get(w.key) ?? []));
    for (const i of candidates) if (isVariantOf(q, allNames[i]!)) return true;
    return false;
  };
  const people = createPersonGenerator(seededRandom(seed + 1));
  const pool = Array.from({ length: 4000 }, () => people().name)
    .flatMap(words)
    .filter((w) => w.length >= 4 && !w.includes('-'));
  const out: EvalQuery[] = [];
  const individuals = entries.filter((e) => e.individual && words(e.names[0]!.full).length >= 2 && (!sources || sources.has(e.id)));
  for (const e of individuals) {
    const half = rnd() < 0.5 ? 'calibrate' : 'report';
    const good = e.names.filter((n) => n.kind !== 'weak-alias' && words(n.full).length >= 2).map((n) => n.full);
    const base = () => naturalOrder(pick(rnd, good.length ? good : [e.names[0]!.full]));
    const latin = e.names.map((n) => n.full);
    const push = (kind: string, name: string | undefined, positive: boolean, extra: Partial<PersonQuery> = {}, checked = name) => {
      if (!name?.trim()) return;
      if (!positive && checked && (latin.some((n) => isVariantOf(checked, n)) || namesake(checked))) {
        droppedNegatives[kind] = (droppedNegatives[kind] ?? 0) + 1;
        return;
      }
      out.push({
        id: `${e.id}#${out.length}`,
        query: { names: [name], ...extra },
        targetId: positive ? e.id : undefined,
        sourceId: e.id,
        kind,
        positive,
        half,
      });
    };
    const kinds = Object.keys(POSITIVE);
    // six positives per entry: the cross-script kinds always, the rest drawn at random
    const chosen = new Set([
      'original script (Arabic) from the list',
      pick(rnd, kinds),
      pick(rnd, kinds),
      pick(rnd, kinds),
      pick(rnd, kinds),
      pick(rnd, kinds),
    ]);
    for (const kind of chosen) {
      push(kind, POSITIVE[kind]!(rnd, base(), e), true, {
        dateOfBirth: dobVariant(rnd, e),
        nationalities: rnd() < 0.3 ? e.nationalities.slice(0, 1) : undefined,
        gender: rnd() < 0.3 ? e.gender : undefined,
      });
    }
    // hard negatives start from a clean name and replace its most distinctive real name word
    const cleanNames = good.filter(clean);
    const negBase = cleanNames.length ? pick(rnd, cleanNames) : undefined;
    const sameDob = { dateOfBirth: e.datesOfBirth[0], nationalities: e.nationalities.slice(0, 1), gender: e.gender };
    if (negBase) {
      const w = words(negBase);
      const real = w.map((x, k) => (nameWords(x).length === 1 && x.length >= 3 ? k : -1)).filter((k) => k >= 0);
      const i = real.length ? real.reduce((best, k) => (distinctive([w[k]!, w[best]!]) === 0 ? k : best), real[0]!) : distinctive(w);
      const unlike = pool.filter((p) => jaroWinkler(p.toLowerCase(), w[i]!.toLowerCase()) < 0.75);
      const replaced = (by: string) => [...w.slice(0, i), by, ...w.slice(i + 1)].join(' ');
      // the same date of birth, nationality and given names, another family name...
      push('different family name, same DOB and nationality', replaced(pick(rnd, unlike)), false, sameDob);
      // ...a similar-looking but different name (three or more edits apart, not a romanisation variant)
      const similar = pool.filter((p) => {
        const a = p.toLowerCase();
        const b = w[i]!.toLowerCase();
        return jaroWinkler(a, b) >= 0.7 && osaDistance(a, b) >= 3 && variantKey(a) !== variantKey(b);
      });
      if (similar.length) push('similar-looking different name', replaced(pick(rnd, similar)), false, rnd() < 0.5 ? sameDob : {});
      // ...only the given names shared, two other words
      push('given name shared, rest different', `${w[0]} ${pick(rnd, unlike)} ${pick(rnd, unlike)}`, false, rnd() < 0.5 ? sameDob : {});
      // ...and the listed person's name with one word replaced, in Cyrillic
      const cyr = replaced(pick(rnd, unlike));
      push('different family name, in Cyrillic', toCyrillic(cyr), false, {}, cyr);
    }
    // ...and an unrelated person from the same region with the same date of birth
    push('unrelated person, same DOB', people().name, false, sameDob);
  }
  return out;
}
