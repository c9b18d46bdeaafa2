/**
 * Folds any script to lower-case ASCII Latin: NFKC, transliteration, diacritics, case.
 *
 * any-ascii does the heavy lifting (Cyrillic, Greek, Latin diacritics and most other scripts,
 * without German-only rules such as ü → ue that break Turkish names); Arabic and Persian go through
 * our name-aware table first, Hangul through es-hangul's Revised Romanisation and Han through
 * pinyin-pro (with surname readings), and a few Greek digraphs are fixed on top. The McCune-
 * Reischauer and older spellings lists use ("Kim Jong Un" for 김정은 = "gim jeong eun") meet the
 * romanised form through the variant keys (romanisation-variants.ts).
 */
import anyAscii from 'any-ascii';
import { romanize } from 'es-hangul';
import { pinyin } from 'pinyin-pro';
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

const HANGUL = /[\uac00-\ud7af]/u;

/**
 * Chinese names: a surname (read as a surname: 单 is Shan, not Dan) then the given name written
 * as one word, as lists do ("Mao Zedong"). Two-character surnames (欧阳, 司马) are recognised by
 * pinyin-pro's surname mode and stay one word.
 */
function hanToPinyin(t: string): string {
  const syllables = pinyin(t, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((p) => anyAscii(p));
  if (syllables.length <= 1) return syllables[0] ?? '';
  const compound = pinyin(t.slice(0, 2), { toneType: 'none', surname: 'all', type: 'array' }).join('');
  const surnameLength = [...t].length >= 3 && COMPOUND_SURNAMES.has(compound) ? 2 : 1;
  return `${syllables.slice(0, surnameLength).join('')} ${syllables.slice(surnameLength).join('')}`;
}

/** Two-syllable Chinese surnames, in pinyin: the first two characters stay one word. */
const COMPOUND_SURNAMES = new Set([
  'ouyang',
  'sima',
  'zhuge',
  'shangguan',
  'situ',
  'dongfang',
  'huangfu',
  'yuwen',
  'zhangsun',
  'murong',
  'xiahou',
  'linghu',
]);

/** Korean names: one word per syllable in Revised Romanisation ("김정은" → "gim jeong eun"): lists split or hyphenate given names ("Kim Jong-un"). */
function hangulToLatin(t: string): string {
  return [...t].map((c) => (HANGUL.test(c) ? (VOWEL_SYLLABLES[romanize(c)] ?? romanize(c)) : anyAscii(c))).join(' ');
}

/** Syllables that romanise to one vowel would read as initials: written as names are (이 Yi, 오 Oh, 우 Woo). */
const VOWEL_SYLLABLES: Record<string, string> = { i: 'yi', o: 'oh', u: 'woo', e: 'eh', a: 'ah' };

function foldOne(token: string): string {
  let t = token;
  if (/[\u0370-\u03ff]/u.test(t)) for (const [re, to] of GREEK_DIGRAPHS) t = t.replace(re, to);
  if (HAN.test(t)) return hanToPinyin(t);
  // Ё is "yo" in names (Korean "Ёнгму" is Yongmu); any-ascii writes "e"
  t = t.replace(/Ё/g, 'Yo').replace(/ё/g, 'yo');
  // Дж writes the foreign j (Джамал Jamal, Аджми Ajmi); any-ascii's "dzh" hides the name from its
  // Latin form once the Arabic article is glued on ("Аладжми" against "al-Ajmi")
  t = t.replace(/Д[жЖ]/g, 'J').replace(/дж/g, 'j');
  if (HANGUL.test(t)) return hangulToLatin(t);
  return anyAscii(t);
}

/** Folds one whitespace-delimited token of a name. */
export function foldToken(token: string): FoldedToken {
  const nfkc = token.normalize('NFKC');
  const abjad = hasAbjadLetters(nfkc);
  const latin = foldOne(abjad ? transliterateAbjad(nfkc) : nfkc);
  return { text: latin.toLowerCase(), abjad };
}
