/**
 * Turns a name as written (any script, any order, with titles and punctuation) into the words the
 * scorer compares. Digits always survive: a name field holding a number must keep it.
 */
import { doubleMetaphone } from 'double-metaphone';
import { ABJAD_TITLE_SPELLINGS } from './abjad-transliteration';
import { hasLatinLetters, readDigitLookAlikes, readLookAlikes } from './look-alike-letters';
import { foldToken } from './script-folding';
import { HONORIFICS, HONORIFICS_BY_KEY, KUNYA_MARKERS, PARTICLES, PATRONYMIC_MARKERS, looksLikePatronymic } from './name-vocabulary';
import { canonicalName, consonantSkeleton, skeletonSpelling, variantKey } from './romanisation-variants';

/** One word of a normalised name. */
export interface NameWord {
  /** Folded Latin spelling, e.g. "muhammad". */
  text: string;
  /** Romanisation variant key: equal keys mean the same name spelt another way. */
  key: string;
  /** Consonant skeleton, compared when one side was written in an abjad. */
  skeleton: string;
  /** Double Metaphone codes: for candidate retrieval and as supporting evidence only. */
  phonetic: [string, string];
  /** A single letter standing for a name ("J." in "J. Smith"). */
  initial: boolean;
  /** A father's name: Slavic/Turkic patronymic or the word after bin/ibn/ould. */
  patronymic: boolean;
  /** Transliterated from Arabic script or Hebrew: short vowels are missing. */
  abjad: boolean;
  /** Two adjacent words joined for comparison with a compound ("Abdul Rahman" → "abdrahman"). */
  compound?: boolean;
  /** Bit set of the letters a-z in `text` (and DIGIT_BIT for any digit), for a quick rejection of unrelated words. */
  letters: number;
  /** The same bit set for `key`. */
  keyLetters: number;
  /** Bit set of the letters a-z that `text` holds twice or more (with `letters`, a sharper edit-distance bound). */
  doubled: number;
  /** The same for `key`. */
  keyDoubled: number;
  /** Starts with the Arabic article written joined ("alrazzak"): compared again without it. */
  article: boolean;
}

/** The Arabic article glued to a name ("Alrazzak"), with at least four letters left. */
export const ARTICLE = /^(?:al|el|ul|ar|as|ad|at|az|an|ash)(?=[a-z]{4})/;

/**
 * From Arabic script, ال before two letters more: the transliteration keeps four-letter words whole
 * ("اليم" Aleem), so they are compared with and without it ("التي" al-Ta'i, "الحی" al-Hai).
 */
const ABJAD_ARTICLE = /^al(?=[a-z]{2})/;

/** Length of the joined article of a word whose `article` flag is set. */
export function articleLength(word: NameWord): number {
  return ((word.abjad ? ABJAD_ARTICLE.exec(word.text) : null) ?? ARTICLE.exec(word.text))![0].length;
}

/** Set in `letters` when the word holds a digit. */
export const DIGIT_BIT = 1 << 26;

function letterMask(text: string): number {
  let m = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) m |= 1 << c;
    else if (c >= -49 && c <= -40) m |= DIGIT_BIT; // 0-9
  }
  return m;
}

/** The letters a-z that occur twice or more in `text`. */
function doubledMask(text: string): number {
  let once = 0;
  let twice = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c < 0 || c >= 26) continue;
    if (once & (1 << c)) twice |= 1 << c;
    once |= 1 << c;
  }
  return twice;
}

export interface NormalisedName {
  /** The name as given. */
  raw: string;
  /** The name in reading order ("Given SURNAME"), folded, for display in explanations. */
  display: string;
  words: NameWord[];
  /** Honorifics, ranks and particles that were removed, for explanations. */
  dropped: string[];
  /** Bit i set: word i (of the first 31) followed "Abu", a kunya ("father of X"), not the name X itself. */
  kunya: number;
  /** Some word was written with characters that imitate Latin letters (another script's, digits) and read by its look (look-alike-letters.ts). */
  lookAlikeLetters?: true;
}

// Words repeat across names (a million names hold a few hundred thousand distinct words): their
// comparable forms are built once. The objects are shared, so they are never mutated.
const wordCache = new Map<string, NameWord>();
const WORD_CACHE_SIZE = 500_000;

/**
 * Builds the comparable forms of one folded word. `cache` false builds without keeping it (for the
 * many one-off words an index build derives: adjacent words joined).
 */
export function makeWord(text: string, flags: { patronymic?: boolean; abjad?: boolean } = {}, cache = true): NameWord {
  const patronymic = flags.patronymic ?? looksLikePatronymic(text);
  const abjad = flags.abjad ?? false;
  if (!cache) return buildWord(text, patronymic, abjad);
  const cacheKey = `${patronymic ? 1 : 0}${abjad ? 1 : 0}${text}`;
  const cached = wordCache.get(cacheKey);
  if (cached) return cached;
  if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear();
  const word = buildWord(text, patronymic, abjad);
  wordCache.set(cacheKey, word);
  return word;
}

function buildWord(text: string, patronymic: boolean, abjad: boolean): NameWord {
  const [primary, secondary] = /\d/.test(text) ? [text, text] : doubleMetaphone(text);
  const key = variantKey(text);
  return {
    text,
    key,
    skeleton: consonantSkeleton(skeletonSpelling(text)),
    phonetic: [primary, secondary],
    initial: text.length === 1 && !/\d/.test(text),
    patronymic,
    abjad,
    letters: letterMask(text),
    keyLetters: letterMask(key),
    doubled: doubledMask(text),
    keyDoubled: doubledMask(key),
    article: ARTICLE.test(text) || (abjad && ABJAD_ARTICLE.test(text)),
  };
}

/** "SURNAME, Given Middle" → "Given Middle SURNAME" (only for one comma, so lists of names stay as they are). */
function reorderSurnameFirst(raw: string): string {
  const parts = raw.split(',');
  if (parts.length !== 2) return raw;
  const [surname, given] = [parts[0]!.trim(), parts[1]!.trim()];
  if (!surname || !given || surname.split(/\s+/).length > 3) return raw;
  return `${given} ${surname}`;
}

/** "al-Din" written as one word after the name it completes ("Nor Eldin", "Salah Uddin"): the article is not part of it. */
const DIN_WITH_ARTICLE = /^[aeiou][dl]d(?:i|ee)n$/;

/** Splits words that carry "Abd al-" glued on: "Abdulrahman" → "abd" + "rahman". */
function splitAbdCompound(word: string): string[] {
  if (DIN_WITH_ARTICLE.test(word)) return ['din'];
  if (canonicalName(word) !== undefined) return [word];
  const m = /^abd(?:ul|el|al|ol|oul|ou|u|ar|ir|i)?(.{3,})$/.exec(word);
  if (!m || /^(?:l?lah|ullah|allah|aye|ou)$/.test(m[1]!)) return [word];
  // the article assimilates and doubles: Abdurrahman, Abdussalam
  const rest = m[1]![0] === m[1]![1] ? m[1]!.slice(1) : m[1]!;
  return ['abd', rest];
}

const HONORIFIC_KEYS = new Set(HONORIFICS_BY_KEY.map(variantKey));
const isHonorific = (t: string) => HONORIFICS.has(t) || (t.length > 3 && HONORIFIC_KEYS.has(variantKey(t)));

interface RawToken {
  text: string;
  abjad: boolean;
}

function tokenise(raw: string): { tokens: RawToken[]; lookAlikeLetters: boolean } {
  const out: RawToken[] = [];
  // format characters (zero-width spaces and joiners, byte-order and direction marks, soft hyphens)
  // are invisible: inside a word they must neither split it nor hide it
  const nfkc = raw.replace(/\p{Cf}/gu, '').normalize('NFKC');
  const nameHasLatin = hasLatinLetters(nfkc);
  let lookAlikeLetters = false;
  for (const piece of reorderSurnameFirst(nfkc).split(/\s+/)) {
    if (!piece) continue;
    const read = readLookAlikes(piece, nameHasLatin);
    if (read !== undefined) lookAlikeLetters = true;
    const folded = foldToken(read ?? piece);
    // Apostrophes and ayn marks join (O'Brien → obrien); every other non-alphanumeric separates.
    const cleaned = folded.text.replace(/['`’ʼʻ‘]/g, '').replace(/[^a-z0-9]+/g, ' ');
    for (const t of cleaned.split(' ')) {
      if (!t) continue;
      const digitsRead = readDigitLookAlikes(t);
      if (digitsRead !== undefined) lookAlikeLetters = true;
      out.push({ text: digitsRead ?? t, abjad: folded.abjad });
    }
  }
  return { tokens: out, lookAlikeLetters };
}

/** Normalises one name. Pure and deterministic. */
export function normaliseName(raw: string): NormalisedName {
  const { tokens, lookAlikeLetters } = tokenise(raw);
  const dropped: string[] = [];
  const kept: { text: string; abjad: boolean; afterMarker: boolean; afterKunya?: boolean }[] = [];
  const particles: { text: string; abjad: boolean }[] = [];
  let afterMarker = false;
  let afterKunya = false;
  for (const t of tokens) {
    if (tokens.length > 1 && isHonorific(t.text) && (!t.abjad || ABJAD_TITLE_SPELLINGS.has(t.text))) {
      dropped.push(t.text);
      continue;
    }
    if (PARTICLES.has(t.text)) {
      particles.push(t);
      dropped.push(t.text);
      if (PATRONYMIC_MARKERS.has(t.text)) afterMarker = true;
      if (KUNYA_MARKERS.has(t.text)) afterKunya = true;
      continue;
    }
    splitAbdCompound(t.text).forEach((part, i) =>
      kept.push({ text: part, abjad: t.abjad, afterMarker, afterKunya: afterKunya && i === 0 }),
    );
    afterMarker = false;
    afterKunya = false;
  }
  // A name made only of particles keeps them ("Le", "Al"): something must be compared.
  if (kept.length === 0) for (const p of particles) kept.push({ ...p, afterMarker: false });
  const words = kept.map((k) => makeWord(k.text, { abjad: k.abjad, patronymic: k.afterMarker || looksLikePatronymic(k.text) }));
  let kunya = 0;
  for (let i = 0; i < kept.length && i < 31; i++) if (kept[i]!.afterKunya) kunya |= 1 << i;
  // "Emad Abu": a kunya written in reversed order, the marker last
  if (afterKunya && kept.length > 0 && kept.length <= 31) kunya |= 1 << (kept.length - 1);
  const name: NormalisedName = { raw, display: words.map((w) => w.text).join(' '), words, dropped, kunya };
  if (lookAlikeLetters) name.lookAlikeLetters = true;
  return name;
}
