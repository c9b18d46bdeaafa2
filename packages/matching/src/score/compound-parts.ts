/**
 * Whether a single word can be read as two adjacent words of the other side written together.
 * Joining loses only the space (and, in lists, sometimes a linking vowel or article), so each part
 * must still be recognisable in its own half of the single word: "Abdulrahman" is "Abdul Rahman",
 * "Хонгсоп" is "Hong-sop", "Nasrullah" is "Nasr Allah". The joined string alone is not enough: its
 * typo reach is counted on the whole length, so "Abdul Sandra" reaches "Abdullah", "Kari Munoz"
 * reaches "Karimullah" and "Rahul Udin" reaches "Rafiuddin", each a different name whose second
 * part is nowhere in the other word.
 *
 * Only within one script: across scripts the skeleton comparison decides (vowels are missing there).
 */
import { makeWord, type NameWord } from '../normalise/name-normaliser';
import { osaWithin } from './string-distance';
import { typoReach } from './word-similarity';

/** One part of a joined word against its share of the single word: equal in letters or key, or a typo apart. */
function partAgrees(share: string, part: NameWord): boolean {
  if (share.length === 0) return false;
  if (share === part.text) return true;
  const reach = typoReach(Math.max(share.length, part.text.length));
  if (osaWithin(share, part.text, reach)) return true;
  const key = makeWord(share, { abjad: part.abjad }).key;
  return key === part.key || osaWithin(key, part.key, reach);
}

/** True when some cut of `single` leaves a share that agrees with `a` before it and one that agrees with `b` after it. */
export function compoundPartsAgree(single: NameWord, a: NameWord, b: NameWord): boolean {
  if (single.abjad !== a.abjad || single.abjad !== b.abjad) return true;
  const text = single.text;
  // cuts near where a's length ends (a typo or a dropped linking letter moves it by a few letters)
  const lo = Math.max(1, a.text.length - 3);
  const hi = Math.min(text.length - 1, a.text.length + 3);
  for (let k = lo; k <= hi; k++) {
    if (partAgrees(text.slice(0, k), a) && partAgrees(text.slice(k), b)) return true;
  }
  return false;
}
