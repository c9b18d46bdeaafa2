/**
 * Romanisation variant folding: maps the many Latin spellings of one name to a shared key, so that
 * "Mohamed" and "Muhammad", "Youssef" and "Yusuf", "Aleksandr" and "Alexander" compare as variants.
 *
 * Two layers: a table of well-known given names whose spellings differ too much for rules, and
 * spelling rules (kh/h, ou/u, ee/i, -off/-ov, -iy/-y, doubled letters...) applied to every word.
 * Keys are only ever compared with each other; they are never shown to a user.
 */

const NAME_GROUPS: string[][] = [
  [
    'muhammad',
    'mohammed',
    'mohamed',
    'mohamad',
    'mohammad',
    'muhammed',
    'muhamad',
    'mohamud',
    'mohammod',
    'mouhamed',
    'mouhammad',
    'muhamed',
    'mohd',
    'muhd',
    'mohmed',
    'mahomed',
    'mukhammad',
    'mukhammed',
    'magomed',
  ],
  ['ahmad', 'ahmed', 'ahmet', 'achmed', 'akhmad', 'akhmed', 'ahmat'],
  ['mahmud', 'mahmoud', 'mahmood', 'makhmud'],
  ['yusuf', 'youssef', 'yousef', 'yousuf', 'yusef', 'youssouf', 'yousif', 'yussuf', 'yusif', 'yousof', 'usuf', 'jusuf'],
  ['husayn', 'hussein', 'hussain', 'husain', 'hussien', 'houssein', 'husein', 'hossein', 'hussayn', 'huseyin', 'gusein'],
  ['hasan', 'hassan', 'hasen', 'khasan', 'gasan'],
  ['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdoul', 'abdu', 'abdou'],
  ['abdallah', 'abdullah', 'abdulla', 'abdellah', 'abdalla', 'abdoullah', 'abdollah'],
  ['umar', 'omar', 'omer', 'oumar', 'umer'],
  ['usama', 'osama', 'oussama', 'osamah', 'usamah'],
  ['khalid', 'khaled', 'khaleed', 'halid', 'chalid'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'moustapha', 'mostapha', 'mustafah'],
  ['ibrahim', 'ebrahim', 'ibragim', 'ebraheem', 'ibraheem', 'brahim'],
  ['ismail', 'ismael', 'ismayil', 'esmail', 'ismoil'],
  ['yahya', 'yahia', 'yehia', 'yahiya'],
  ['jamal', 'gamal', 'djamal', 'jamel', 'djamel'],
  ['abu', 'abou', 'abo'],
  ['aleksandr', 'alexander', 'aleksander', 'alexandr', 'oleksandr', 'alexandre', 'alejandro', 'alessandro'],
  ['aleksei', 'alexei', 'alexey', 'aleksey', 'alexej', 'oleksiy', 'oleksii'],
  ['evgeny', 'yevgeny', 'evgeni', 'yevgeni', 'evgeniy', 'yevgeniy', 'evgenii', 'yevhen', 'eugene'],
  ['sergei', 'sergey', 'serguei', 'sergiy', 'serhiy', 'serhii', 'sergii'],
  ['dmitri', 'dmitry', 'dmitriy', 'dmytro', 'dimitri', 'dmitrii'],
  ['yuri', 'yury', 'yuriy', 'iouri', 'yurii', 'jurij', 'yurij'],
  ['mikhail', 'michail', 'mykhailo', 'mikhael'],
  ['nikolai', 'nikolay', 'mykola', 'nicolai', 'nikolaj'],
  ['andrei', 'andrey', 'andriy', 'andrii', 'andrej'],
  ['georgi', 'georgiy', 'georgy', 'heorhiy', 'georgii'],
  ['pyotr', 'petr', 'piotr', 'petro'],
  ['fyodor', 'fedor', 'feodor', 'fiodor'],
  ['vladimir', 'wladimir', 'volodymyr', 'vladimyr', 'wladimyr'],
  ['mohammadi', 'muhammadi', 'mohamadi'],
];

const SYLLABLE_GROUPS: string[][] = [
  // Korean name syllables: Revised Romanisation (from Hangul) against McCune-Reischauer and the
  // spellings people and lists use ("Gim Jeong Eun" ~ "Kim Jong Un", "Bak" ~ "Pak" ~ "Park")
  ['kim', 'gim'],
  ['pak', 'park', 'bak', 'bag'],
  ['ri', 'lee', 'yi', 'rhee', 'li', 'rhi', 'ree'],
  ['choe', 'choi', 'chwe', 'choy'],
  ['jong', 'jeong', 'chong', 'cheong', 'jung', 'chung'],
  ['un', 'eun'],
  ['song', 'seong', 'sung'],
  ['kyong', 'gyeong', 'kyung', 'gyong', 'kyeong'],
  ['chol', 'cheol', 'chul'],
  ['yong', 'yeong', 'young', 'ryong', 'ryeong'],
  ['myong', 'myeong', 'myung'],
  ['kwang', 'gwang'],
  ['hyon', 'hyeon', 'hyun'],
  ['sok', 'seok', 'suk'],
  ['tok', 'deok', 'dok', 'duk'],
  ['chang', 'jang'],
  ['kang', 'gang'],
  ['ryu', 'yu', 'yoo', 'ryoo'],
  ['yun', 'yoon'],
  ['oh', 'o'],
  ['son', 'sohn'],
  ['cho', 'jo'],
  ['chon', 'jeon', 'cheon', 'chun'],
  ['pyong', 'byeong', 'pyeong', 'byung'],
  ['kil', 'gil'],
  ['dae', 'tae'],
  ['ki', 'gi'],
  ['ku', 'gu', 'koo'],
];

const VARIANT_GROUPS = [...NAME_GROUPS, ...SYLLABLE_GROUPS];
const CANONICAL = new Map<string, string>();
for (const group of VARIANT_GROUPS) for (const spelling of group) CANONICAL.set(spelling, group[0]!);

const NAME_CANONICAL = new Map<string, string>();
for (const group of NAME_GROUPS) for (const spelling of group) NAME_CANONICAL.set(spelling, group[0]!);

/**
 * The spelling whose consonants Arabic script would write: the canonical form of a well-known name
 * ("Mohd" is محمد), the word itself otherwise. Korean syllable groups mix consonants (Jang/Chang:
 * جنج against تشانغ), so a syllable keeps its own.
 */
export function skeletonSpelling(word: string): string {
  return NAME_CANONICAL.get(word) ?? word;
}

/** The canonical spelling of a well-known name, or undefined when the word is not in the table. */
export function canonicalName(word: string): string | undefined {
  return CANONICAL.get(word);
}

const RULES: [RegExp, string][] = [
  [/^(.{3,})(?:off|ow|ev)$/, '$1ov'], // Russian surname endings: Smirnoff, Smirnow, Gorbachev/Gorbachov
  [/(.)\1+/g, '$1'], // doubled letters: Hassan/Hasan, Abdallah/Abdalah
  [/(?:iy|yy|ii|ij|yj)$/, 'i'], // Yevgeniy/Yevgeni
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/eo/g, 'o'], // Korean RR eo/eu: Jeong/Jong, Seung/Sung
  [/eu/g, 'u'],
  [/(?:ou|oo)/g, 'u'],
  [/(?:ee|ie|ey|ei|ay|ai)/g, 'i'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh|dj/g, 'j'],
  [/(?:tz|ts)/g, 'c'],
  [/ck|q|c(?![hei])/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/y/g, 'i'],
  [/e/g, 'i'], // vowel quality is the least reliable part of a romanisation: Mehmet/Mahmet
  [/o/g, 'u'],
  [/(.)\1+/g, '$1'],
  [/(.{3,})h$/, '$1'], // Abdallah/Abdalla
];

function ruleKey(word: string): string {
  let key = word;
  for (const [re, to] of RULES) key = key.replace(re, to);
  return key;
}

// A spelling the table lacks but the rules fold onto a table spelling is that name too: Cyrillic
// "Джанг" arrives as "dzhang", whose rule key "jang" is the table's Jang (= Chang). Rule keys that
// two groups share would join different names, so they are left out.
const CANONICAL_BY_RULE_KEY = new Map<string, string | null>();
for (const group of VARIANT_GROUPS) {
  for (const spelling of group) {
    const k = ruleKey(spelling);
    const had = CANONICAL_BY_RULE_KEY.get(k);
    CANONICAL_BY_RULE_KEY.set(k, had === undefined || had === group[0] ? group[0]! : null);
  }
}

/** The romanisation variant key of a folded word: equal keys mean "same name, other spelling". */
export function variantKey(word: string): string {
  const canonical = CANONICAL.get(word);
  if (canonical !== undefined) return canonical;
  if (/\d/.test(word)) return word; // numbers are never folded
  const key = ruleKey(word);
  return CANONICAL_BY_RULE_KEY.get(key) ?? key;
}

/**
 * Consonant skeleton: what survives of a name in Arabic script, which omits short vowels.
 * Used only when one side of a comparison was written in an abjad.
 */
export function consonantSkeleton(word: string): string {
  if (/\d/.test(word)) return word;
  return (
    word
      .replace(/kh/g, 'h')
      // Persian and Urdu say ث as s and ض as z: Saqib/ثاقب, Fazl/فضل
      .replace(/th/g, 's')
      .replace(/dh/g, 'z')
      .replace(/gh/g, 'g')
      .replace(/q/g, 'k')
      .replace(/c(?!h)/g, 'k')
      .replace(/j/g, 'g') // ج is j in most of the Arab world, g in Egypt: Jamal/Gamal
      // Arabic has no p, v or x: foreign names are written ب, ف, كس (Pyong بينج, Rajapovich رجبفتش, Maxime مكسمي)
      .replace(/ph/g, 'f')
      .replace(/p/g, 'b')
      .replace(/v/g, 'f')
      .replace(/x/g, 'ks')
      .replace(/[aeiouwy']/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}
