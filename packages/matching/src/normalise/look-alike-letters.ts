/**
 * Characters that imitate Latin letters, read as the letter they imitate: letters of other scripts,
 * and digits inside a word ("B0ut").
 *
 * A clerk who types "Vіktоr Вut" with Cyrillic і, о and В sees Viktor But, but transliteration reads
 * "Вut" as "vut" and the listed BOUT is missed. A word never mixes scripts in a real name, so a word
 * that mixes Latin letters with these is read by its look; so is a word written only in these
 * letters inside a name that has Latin letters elsewhere ("Маrсеl Ѕрасе": Ѕрасе is Space). A name
 * written wholly in Cyrillic or Greek is transliterated as before. A word that mixes letters and
 * digits is read with the digits as the letters they imitate; a number alone stays a number.
 *
 * Unicode's confusables skeleton (UTS #39, e.g. the unhomoglyph package) is not used: it folds
 * Latin letters too (I and 1 to l, m to rn), which would change genuine Latin names; here only the
 * foreign letter is replaced, by the one Latin letter a reader takes it for.
 */
// Each letter of LOOK_ALIKE_LETTERS is read as the letter at the same place of READ_AS: Cyrillic
// capitals and small letters, then Greek, then Armenian.
const LOOK_ALIKE_LETTERS = 'АВЕКМНОРСТУХЅІЈԚԜҮҺӀаеорсухѕіјһԁԛԝүӏ' + 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧονιαρυχγ' + 'օսոցհ';
const READ_AS = 'ABEKMHOPCTYXSIJQWYHIaeopcyxsijhdqwyl' + 'ABEZHIKMNOPTYXoviapuxy' + 'oungh';
const LOOK_ALIKES = new Map([...LOOK_ALIKE_LETTERS].map((c, i) => [c, READ_AS[i]!]));

const LATIN_LETTER = /[A-Za-z]/;
const LETTER = /\p{L}/u;

/** True when the (NFKC) name holds a Latin letter anywhere: the context in which a look-alike-only word is read by its look. */
export function hasLatinLetters(name: string): boolean {
  return LATIN_LETTER.test(name);
}

/**
 * The word read by its look, or undefined when it is not a look-alike spelling: it mixes Latin
 * letters with look-alike ones, or (in a name with Latin letters) every letter it has is one.
 */
export function readLookAlikes(word: string, nameHasLatin: boolean): string | undefined {
  let lookAlikes = 0;
  let latin = 0;
  let otherLetters = 0;
  for (const c of word) {
    if (LOOK_ALIKES.has(c)) lookAlikes++;
    else if (LATIN_LETTER.test(c)) latin++;
    else if (LETTER.test(c)) otherLetters++;
  }
  if (lookAlikes === 0) return undefined;
  if (latin === 0 && (otherLetters > 0 || !nameHasLatin)) return undefined;
  let read = '';
  for (const c of word) read += LOOK_ALIKES.get(c) ?? c;
  return read;
}

const DIGIT_LOOK_ALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

/** A folded word that mixes letters and digits, with its digits read as the letters they imitate; undefined for any other word. */
export function readDigitLookAlikes(word: string): string | undefined {
  if (!/[a-z]/.test(word) || !/[0-9]/.test(word)) return undefined;
  const read = word.replace(/[0-9]/g, (d) => DIGIT_LOOK_ALIKES[d] ?? d);
  return read === word ? undefined : read;
}
