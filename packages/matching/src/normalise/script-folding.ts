/**
 * Folds any script to lower-case ASCII Latin: NFKC, transliteration, diacritics, case.
 *
 * any-ascii does the heavy lifting (Cyrillic, Greek, Latin diacritics, Hangul, Han and most other
 * scripts, without German-only rules such as ü → ue that break Turkish names); Arabic and Persian go
 * through our name-aware table first, and a few Greek digraphs are fixed on top.
 */
import anyAscii from 'any-ascii';
import { hasAbjadLetters, transliterateAbjad } from './abjad-transliteration';

export interface FoldedToken {
  /** Lower-case ASCII; letters, digits, and the separators "-", "'", ".", "," kept for the tokeniser. */
  text: string;
  /** The source was Arabic-script or Hebrew: short vowels are missing from `text`. */
  abjad: boolean;
}

const GREEK_DIGRAPHS: [RegExp, string][] = [
  [/ου/giu, 'ou'],
  [/μπ/giu, 'b'],
  [/ντ/giu, 'nt'],
  [/γγ/giu, 'ng'],
];

const HAN = /[\u3400-\u9fff]/u;

function foldOne(token: string): string {
  let t = token;
  if (/[\u0370-\u03ff]/u.test(t)) for (const [re, to] of GREEK_DIGRAPHS) t = t.replace(re, to);
  if (HAN.test(t)) {
    // Chinese names: one-syllable surname then the given name written as one word ("Mao Zedong").
    const syllables = [...t].map((c) => anyAscii(c));
    return syllables.length > 1 ? `${syllables[0]} ${syllables.slice(1).join('')}` : (syllables[0] ?? '');
  }
  // Ё is "yo" in names (Korean "Ёнгму" is Yongmu); any-ascii writes "e"
  t = t.replace(/Ё/g, 'Yo').replace(/ё/g, 'yo');
  if (/[\uac00-\ud7af]/u.test(t)) return [...t].map((c) => anyAscii(c)).join(' ');
  return anyAscii(t);
}

/** Folds one whitespace-delimited token of a name. */
export function foldToken(token: string): FoldedToken {
  const nfkc = token.normalize('NFKC');
  const abjad = hasAbjadLetters(nfkc);
  const latin = foldOne(abjad ? transliterateAbjad(nfkc) : nfkc);
  return { text: latin.toLowerCase(), abjad };
}
