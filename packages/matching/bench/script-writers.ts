/**
 * Writes Latin names in Cyrillic and Arabic script, for cross-script test queries. Deliberately
 * simple (as a clerk typing a foreign name would): Arabic drops short vowels, like the real thing.
 */

const CYRILLIC: [string, string][] = [
  ['shch', 'щ'],
  ['kh', 'х'],
  ['zh', 'ж'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'ё'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['q', 'к'],
  ['x', 'кс'],
  ['j', 'дж'],
];

function writeWith(table: [string, string][], word: string): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    const hit = table.find(([lat]) => word.startsWith(lat, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else out += word[i++];
  }
  return out;
}

export function toCyrillic(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => {
      const c = writeWith(CYRILLIC, w.replace(/[^a-z]/g, ''));
      return c.charAt(0).toUpperCase() + c.slice(1);
    })
    .join(' ');
}

const ARABIC: [string, string][] = [
  ['kh', 'خ'],
  ['sh', 'ش'],
  ['th', 'ث'],
  ['dh', 'ذ'],
  ['gh', 'غ'],
  ['ch', 'تش'],
  ['ou', 'و'],
  ['oo', 'و'],
  ['ee', 'ي'],
  ['aa', 'ا'],
  ['b', 'ب'],
  ['t', 'ت'],
  ['j', 'ج'],
  ['h', 'ه'],
  ['d', 'د'],
  ['r', 'ر'],
  ['z', 'ز'],
  ['s', 'س'],
  ['f', 'ف'],
  ['q', 'ق'],
  ['k', 'ك'],
  ['c', 'ك'],
  ['l', 'ل'],
  ['m', 'م'],
  ['n', 'ن'],
  ['w', 'و'],
  ['y', 'ي'],
  ['g', 'ج'],
  ['p', 'ب'],
  ['v', 'ف'],
  ['x', 'كس'],
];

/** Arabic script: consonants written, short vowels dropped except at the start and end of a word. */
export function toArabic(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => {
      // Arabic marks a doubled consonant with a shadda, usually omitted: write it once
      const word = w.replace(/[^a-z]/g, '').replace(/([^aeiou])\1/g, '$1');
      let out = '';
      for (let i = 0; i < word.length;) {
        const c = word[i]!;
        if (
          'aeiou'.includes(c) &&
          !word.startsWith('ou', i) &&
          !word.startsWith('oo', i) &&
          !word.startsWith('ee', i) &&
          !word.startsWith('aa', i)
        ) {
          if (i === 0) out += c === 'i' || c === 'e' ? 'إ' : 'ا';
          else if (i === word.length - 1) out += c === 'i' || c === 'e' ? 'ي' : c === 'u' || c === 'o' ? 'و' : 'ا';
          i++;
          continue;
        }
        const hit = ARABIC.find(([lat]) => word.startsWith(lat, i));
        if (hit) {
          out += hit[1];
          i += hit[0].length;
        } else i++;
      }
      return out;
    })
    .join(' ');
}
