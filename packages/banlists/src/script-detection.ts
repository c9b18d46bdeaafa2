/** ISO 15924 codes for the scripts names on our lists are written in. */
const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Latin}/u, 'Latn'],
  [/\p{Script=Arabic}/u, 'Arab'],
  [/\p{Script=Cyrillic}/u, 'Cyrl'],
  [/\p{Script=Greek}/u, 'Grek'],
  [/\p{Script=Hebrew}/u, 'Hebr'],
  [/\p{Script=Hangul}/u, 'Hang'],
  [/\p{Script=Han}/u, 'Hani'],
  [/\p{Script=Georgian}/u, 'Geor'],
  [/\p{Script=Armenian}/u, 'Armn'],
  [/\p{Script=Devanagari}/u, 'Deva'],
  [/\p{Script=Ethiopic}/u, 'Ethi'],
  [/\p{Script=Thai}/u, 'Thai'],
  [/\p{Script=Myanmar}/u, 'Mymr'],
];

/**
 * The script most of the letters of `name` are in, or undefined when there are none. Korean names mix
 * Hangul and Han and get `Kore`, as ISO 15924 says.
 */
export function detectScript(name: string): string | undefined {
  const counts = new Map<string, number>();
  for (const ch of name) {
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPTS.find(([re]) => re.test(ch));
    const code = hit ? hit[1] : 'Zyyy';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.has('Hang') && counts.has('Hani')) return 'Kore';
  let best: string | undefined;
  let bestCount = 0;
  for (const [code, n] of counts) if (n > bestCount) [best, bestCount] = [code, n];
  return best === 'Zyyy' ? undefined : best;
}

/** ISO 15924 shape: four letters, first capital. */
export function isScriptCode(value: string): boolean {
  return /^[A-Z][a-z]{3}$/.test(value);
}
