/**
 * Name-aware transliteration of Arabic and Persian script to Latin.
 *
 * Generic transliterators (any-ascii) map ع to a backtick and ignore how names are romanised in
 * practice. Arabic script omits short vowels, so the output ("mhmd") is only comparable to Latin
 * forms ("Muhammad") through consonant skeletons: words produced here are flagged `abjad` so that
 * scoring compares skeletons rather than full spellings.
 */

const LETTERS: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ؤ: 'u',
  ئ: 'i',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ى: 'a',
  // Persian and Urdu additions
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ڤ: 'v',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ہ: 'h',
  ۃ: 'a',
  ے: 'e',
  // harakat, when present, carry the short vowels
  'َ': 'a',
  'ُ': 'u',
  'ِ': 'i',
  'ً': 'an',
  'ٌ': 'un',
  'ٍ': 'in',
  'ْ': '',
  ـ: '',
};

const VOWEL_LETTERS = new Set(['ا', 'و', 'ي', 'ی', 'ى', 'أ', 'إ', 'آ']);
const DIGITS = /[٠-٩۰-۹]/g;

/** True when the text contains Arabic-script (or Hebrew) letters. */
export function hasAbjadLetters(text: string): boolean {
  return /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(text);
}

/** Titles as written in Arabic script, given their Latin spelling so that the normaliser drops them. */
const TITLES: Record<string, string> = {
  قاري: 'qari',
  قارى: 'qari',
  قري: 'qari',
  ملا: 'mullah',
  ملّا: 'mullah',
  شيخ: 'sheikh',
  شیخ: 'sheikh',
  حاجي: 'haji',
  حاجی: 'haji',
  الحاج: 'alhaj',
  مولوي: 'mawlawi',
  مولوی: 'mawlawi',
  مولانا: 'maulana',
  سيد: 'sayyid',
  سید: 'sayyid',
  امير: 'amir',
  أمير: 'amir',
  امیر: 'amir',
  الله: 'allah',
};

/** The Latin spellings TITLES gives: the only honorifics an Arabic-script word can be ("ادم" is Adam, not "Adm."). */
export const ABJAD_TITLE_SPELLINGS: ReadonlySet<string> = new Set(Object.values(TITLES));

function transliterateWord(word: string): string {
  const title = TITLES[word];
  if (title) return title;
  // "عبدالحی": Abd and the article written as one word with the name
  if (word.startsWith('عبدال') && word.length > 6) return `abd al-${transliterateWord(word.slice(5))}`;
  const chars = [...word];
  let out = '';
  // The definite article is written joined to the noun: "البغدادي" is "al-Baghdadi".
  let start = 0;
  // Four letters are too few for article + name: "اليم" is Aleem, "الياس" is al-Yas or Ilyas.
  if (chars.length > 4 && chars[0] === 'ا' && chars[1] === 'ل') {
    out = 'al-';
    start = 2;
  }
  for (let i = start; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    const first = i === start;
    if (c === 'ع') {
      out += first ? 'a' : ''; // ayn opens "Abd", "Ali", "Umar"; inside a word it is not written
    } else if (c === 'و') {
      // waw is a consonant at the start of a word or before a long vowel, a vowel elsewhere
      out += first || (next !== undefined && VOWEL_LETTERS.has(next)) ? 'w' : 'u';
    } else if (c === 'ي' || c === 'ی') {
      out += first || (next !== undefined && VOWEL_LETTERS.has(next)) ? 'y' : 'i';
    } else if (c === 'ت' && next === 'ش') {
      out += 'ch'; // foreign "ch" is written تش where Persian's چ is missing: تشاد Chad, تشو Cho
      i++;
    } else if ((c === 'ه' || c === 'ح') && next === undefined && !first && /[dtszkgc]$/.test(out)) {
      out += 'ah'; // a final h after d, t, s... is "-ah" (ابيده Ubaydah), not the digraph dh, th, sh
    } else if (c === 'ّ') {
      out += out.at(-1) ?? ''; // shadda doubles the previous consonant
    } else if (c in LETTERS) {
      out += LETTERS[c];
    } else {
      out += c;
    }
  }
  return out;
}

/** Transliterates the Arabic-script words of a string, leaving everything else untouched. */
export function transliterateAbjad(text: string): string {
  const withDigits = text.replace(DIGITS, (d) => String(((d.codePointAt(0)! - 0x0660) % 0x90) % 16));
  return withDigits.replace(/[\u0600-\u06ff\u0750-\u077f]+/g, transliterateWord);
}
