/**
 * Word lists the normaliser needs: honorifics and ranks (dropped), particles (dropped, some of
 * which mark the next word as a patronymic), and patronymic endings.
 */

/** Ranks, titles and honorifics: never part of the identity. */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'madam', 'mme', 'mlle',
  'col', 'colonel', 'ltcol', 'sgt', 'sergeant', 'ssgt', 'msgt', 'capt', 'captain', 'cpt', 'maj', 'major',
  'lt', 'lieutenant', 'gen', 'general', 'brig', 'brigadier', 'brigen', 'cpl', 'corporal', 'lcpl', 'pte',
  'pvt', 'private', 'cdr', 'commander', 'cmdr', 'adm', 'admiral', 'insp', 'inspector', 'supt', 'cmdt',
  'commandant', 'officer', 'warrant', 'wo', 'adj', 'adjutant', 'marshal', 'field',
  'haji', 'hajji', 'hadji', 'alhaji', 'alhaj', 'hajj', 'sheikh', 'shaikh', 'shaykh', 'sheik', 'mullah',
  'mulla', 'maulana', 'mawlana', 'maulvi', 'mawlawi', 'mawlavi', 'qari', 'imam',
  'hon', 'honourable', 'honorable', 'rev', 'reverend', 'fr', 'father', 'jr', 'sr', 'jnr',
  'snr', 'ii', 'iii', 'iv', 'esq',
]);

/**
 * Titles also recognised by their romanisation variant key, so that "Mullakh" (from Cyrillic) or
 * "Shaykh" drop like "Mullah" and "Sheikh". Kept short: a key can collide with a real name
 * ("Sayyid" would take "Said" with it).
 */
export const HONORIFICS_BY_KEY = ['mullah', 'mulla', 'sheikh', 'haji', 'hajji', 'maulana', 'mawlawi', 'maulvi', 'colonel', 'general', 'major', 'captain', 'sergeant', 'lieutenant', 'doctor', 'professor', 'commander'];

/** Particles: dropped from the words that are matched. */
export const PARTICLES = new Set([
  'al', 'el', 'ul', 'ad', 'ar', 'as', 'at', 'az', 'ash', 'an', 'bin', 'ibn', 'bint', 'binti', 'ben', 'bte',
  'bt', 'ould', 'wuld', 'walad', 'abu', 'abou', 'van', 'von', 'der', 'den', 'ter', 'de', 'da', 'do', 'dos',
  'das', 'di', 'du', 'del', 'della', 'la', 'le', 'les', 'zu', 'af', 'av', 'of',
]);

/** Particles after which the next word is the father's name. */
export const PATRONYMIC_MARKERS = new Set(['bin', 'ibn', 'bint', 'binti', 'ben', 'bte', 'bt', 'ould', 'wuld', 'walad']);

/** Particles opening a kunya: "Abu Hussain" (father of Hussain) is not the name Hussain. */
export const KUNYA_MARKERS = new Set(['abu', 'abou']);

const PATRONYMIC_SUFFIX = /(?:ovich|evich|ovych|evych|yich|ovna|evna|ivna|ichna|inichna|ogly|oglu|ugli|uly|kyzy|qizi)$/;

/** True when the word looks like a Slavic or Turkic patronymic ("Vladimirovich", "Aliyevna", "Aliogly"). */
export function looksLikePatronymic(word: string): boolean {
  return word.length >= 6 && PATRONYMIC_SUFFIX.test(word);
}
