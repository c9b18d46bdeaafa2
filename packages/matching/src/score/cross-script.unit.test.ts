import { describe, expect, it } from 'vitest';
import { listEntry } from '../list-entry.fixture';
import { normaliseName } from '../normalise/name-normaliser';
import { variantKey } from '../normalise/romanisation-variants';
import { scorePair } from './score-pair';
import { DEFAULT_THRESHOLDS } from './thresholds';

const score = (query: string, listed: string) => scorePair({ names: [query] }, listEntry('E1', [listed])).score;
const texts = (raw: string) => normaliseName(raw).words.map((w) => w.text);
const { upper } = DEFAULT_THRESHOLDS;

describe('names written in another script (UN list entries as a clerk would write them)', () => {
  it('when a spelling the variant table lacks folds onto a table spelling, then it takes that name\'s key ("dzhang" is Jang is Chang)', () => {
    expect(variantKey('dzhang')).toBe(variantKey('chang'));
    expect(variantKey('mukhammad')).toBe(variantKey('muhammad'));
  });

  it('when Cyrillic writes a Korean name with Дж ("Джанг Сонг Чол"), then it matches JANG SONG CHOL', () => {
    expect(score('Джанг Сонг Чол', 'JANG SONG CHOL')).toBeGreaterThanOrEqual(upper);
  });

  it('when Cyrillic writes Дж after a joined article ("Шафи Аладжми"), then it matches Shafi al-Ajmi', () => {
    expect(texts('Аладжми')).toEqual(['alajmi']);
    expect(score('Шафи Аладжми', 'Shafi al-Ajmi')).toBeGreaterThanOrEqual(upper);
  });

  it('when a two-syllable Korean given name is written as one word ("Пак Мунил", "Ри Хонгсоп"), then it matches the name written apart', () => {
    expect(score('Пак Мунил', 'PAK MUN IL')).toBeGreaterThanOrEqual(upper);
    expect(score('Ри Хонгсоп', 'RI HONG-SOP')).toBeGreaterThanOrEqual(upper);
    expect(score('HOJIN, YUN', 'YUN HO-JIN')).toBeGreaterThanOrEqual(upper);
  });

  it('when Arabic script writes a foreign ch as تش ("جو ينج تشل"), then it matches JO YONG CHOL', () => {
    expect(texts('تشل')).toEqual(['chl']);
    expect(score('جو ينج تشل', 'JO YONG CHOL')).toBeGreaterThanOrEqual(upper);
  });

  it('when an Arabic-script word ends in ه after d ("ابيده"), then it reads -ah, not the digraph dh', () => {
    expect(texts('ابيده')).toEqual(['abidah']);
    expect(score('ابو ابيده يسف النبي', 'ABU UBAYDAH YUSUF AL-ANABI')).toBeGreaterThanOrEqual(upper);
  });

  it('when a four-letter Arabic-script word starts with ال ("اليم"), then it stays one word (Aleem), not the article and two letters', () => {
    expect(texts('اليم')).toEqual(['alim']);
    expect(score('مهمد اليم نورني', 'MOHAMMAD ALEEM NOORANI')).toBeGreaterThanOrEqual(upper);
  });

  it('when a four-letter Arabic-script word is the article and a short name ("التي" al-Ta\'i, "الحی" al-Hai), then it matches without the article', () => {
    expect(score('سلتن هشم اهمد التي', "SULTAN HASHIM AHMAD AL-TA'I")).toBeGreaterThanOrEqual(upper);
    expect(score('عبد الحی عظیم', 'Abdul Hai Hazem')).toBeGreaterThanOrEqual(upper);
  });

  it('when an Arabic-script word reads like a rank abbreviation ("ادم" adm), then it is the name Adam, not "Adm."', () => {
    expect(texts('نورلدني ادم')).toEqual(['nurldni', 'adm']);
    expect(score('نورلدني ادم', 'NOURREDINE ADAM')).toBeGreaterThanOrEqual(upper);
  });

  it('when Arabic script writes a foreign p, v or x (ب, ف, كس), then the Latin name matches ("ري بينج تشل" Ri Pyong Chul, "مكسمي هتشرد" Maxime Hauchard)', () => {
    expect(score('ري بينج تشل', 'RI PYONG CHUL')).toBeGreaterThanOrEqual(upper);
    expect(score('مكسمي هتشرد', 'MAXIME HAUCHARD')).toBeGreaterThanOrEqual(upper);
    expect(score('اخمد رجبفتش تشتف', 'AKHMED RAJAPOVICH CHATAEV')).toBeGreaterThanOrEqual(upper);
  });

  it('when a Korean syllable from the variant table is written in Arabic script ("جنج" Jang), then its own consonants count, not the table\'s Chang', () => {
    expect(score('جنج سنج تشل', 'JANG SONG CHOL')).toBeGreaterThanOrEqual(upper);
  });

  it('when al-Din is written as one word after a name ("Nor Eldin", "Salah Uddin"), then it is the word Din', () => {
    expect(texts('Salem Nor Eldin')).toEqual(['salem', 'nor', 'din']);
    expect(score('سالم نور الدين امحمد الدبيسكي', 'SALEM NOR ELDIN AMOHAMED AL-DABSKI')).toBeGreaterThanOrEqual(upper);
  });

  it('when a Western given name starts with al- ("Alina"), then it does not match the rest of it ("Ina")', () => {
    expect(score('Alina Petrova', 'Ina Petrova')).toBeLessThan(upper);
  });
});
