import { describe, expect, it } from 'vitest';
import { normaliseName, type NameWord } from '../normalise/name-normaliser';
import { mayMatch } from './match-possible';
import { alignNames } from './name-alignment';
import { nameScoreBound } from './name-score-bound';
import { MIN_WORD_SIMILARITY, wordSimilarity } from './word-similarity';
import { prepareName } from './score-pair';

// Real name words from several traditions, with their usual misspellings and variants.
const NAMES = `Muhammad Mohammed Mohamed Mouhamed Mohmamed Ahmad Ahmed Akhmed Yusuf Youssef Yousif Hussein Husayn Hassan Hasan
Abdullah Abdallah Abdulla Abdelhamid Abdelhmaid Alrazzak Razzaq Alrazak Aldzhavlani Jawlani Khalid Khaled Halid Omar Umar Oumar
Vladimir Wladimir Vladimirovich Vladimirov Aleksandr Alexander Sergei Sergey Dmitri Dmitry Ivanov Ivanoff Petrov Sidorov Sidorvo
Kuznetsov Kuznetsova Thomas Thoraya Saima Aiman Desta Dost Smith Smyth Jon John Johnson Jean Jan Juan Kim Gim Park Pak Bak Jong
Jeong Chung Un Eun Chol Cheol Hong Sop Hongsop Kwang Il Kwangil Kyonggil Ezatullah Ezat Ullah Kakazada Kaka Zada Akhundzada Akhund
Zauda Nurullah Nur Allah Abdulrahman Abd Rahman Mohammadi Haqqani Haqani Bashir Yasser Suleiman Sultan Gaddafi Qadhafi Kadafi
Ngudjolo Nguddzholo Floribert Ndjabu Ngabu Anwari Anwary Tahir Taher Bush Habbash George Mario Maria Mariam Alamin Elamin Amin
Osama Usama Oussama Alzawahiri Zawahiri Ayman Aiman Ri Lee Yi Li Xi Jinping Jindong Zhang Chang Wang Huang Nguyen Ngyuen`.split(/\s+/);

function words(): NameWord[] {
  const out = new Map<string, NameWord>();
  for (const n of NAMES) for (const w of normaliseName(n).words) out.set(w.text, w);
  // and typos of each: a letter dropped, doubled, swapped with the next
  for (const n of NAMES) {
    const t = n.toLowerCase();
    for (const v of [t.slice(0, 2) + t.slice(3), t.slice(0, 2) + t[2] + t.slice(2), t.slice(0, 1) + t[2] + t[1] + t.slice(3)]) {
      for (const w of normaliseName(v).words) out.set(w.text, w);
    }
  }
  return [...out.values()];
}

describe('mayMatch', () => {
  const vocabulary = words();

  it('when two words match (similarity ≥ the bar), then mayMatch always says they may', () => {
    let matches = 0;
    for (const a of vocabulary) {
      for (const b of vocabulary) {
        if (wordSimilarity(a, b).similarity < MIN_WORD_SIMILARITY) continue;
        matches++;
        expect(mayMatch(a, b), `${a.text} / ${b.text}`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(vocabulary.length);
  });

  it('when two words are unrelated, then mayMatch rules most of them out', () => {
    let ruledOut = 0;
    let pairs = 0;
    for (const a of vocabulary) {
      for (const b of vocabulary) {
        if (a === b) continue;
        pairs++;
        if (!mayMatch(a, b)) ruledOut++;
      }
    }
    expect(ruledOut / pairs).toBeGreaterThan(0.5);
  });
});

describe('nameScoreBound', () => {
  it('when names are compared, then the bound is never below the name score', () => {
    const names = [
      'Ahmad Jan Akhund Zauda',
      'Ahmed Jan Akhundzada Wazir',
      'Kaka Zada',
      'Kakazada Ahmad',
      'Vladimir Vladimirovich Vladimirov',
      'Vladimir Petrov',
      'Abdul Rahman Haqqani',
      'Abdulrahman Haqani',
      'Ezat Ullah Haqqani Khan',
      'Ezatullah Haqqani',
      'George Bush',
      'George Habbash',
      'J. Smith',
      'John Smith',
      'Ri Hong Sop',
      'Ri Hongsop',
      'Kim Kwang Il',
      'Kim Kwangil',
      'Mohamed Tahir Anwary',
      'Muhammad Taher Anwari',
      'Sunil Sharma',
      'Anna Sharma Petrova',
      'Ivan Ivanovich Petrov',
      'Ivan Petrov',
      'Ivan Sergeyevich Petrov',
      'M. Anwari',
      'Mohammed',
      'Mohammed Ali',
      'Mohammed Ali Zarkawi Huseynov',
      'Tariq S.M.',
      'Ahmed, A',
    ];
    for (const q of names) {
      for (const e of names) {
        const [pq, pe] = [prepareName(q), prepareName(e)];
        const score = alignNames(pq, pe, wordSimilarity).score;
        expect(nameScoreBound(pq, pe), `${q} / ${e}`).toBeGreaterThanOrEqual(score - 1e-9);
      }
    }
  });

  it('when one side is a small part of the other, then the surplus keeps the bound low', () => {
    expect(nameScoreBound(prepareName('Mohammed'), prepareName('Mohammed Zarkawi Huseynov Abdelrahmanov'))).toBeLessThan(0.5);
  });

  it('when only one word could match and the rest differ on both sides, then the bound is below review', () => {
    expect(nameScoreBound(prepareName('Sunil Sharma'), prepareName('Anna Sharma Petrova'))).toBeLessThan(0.35);
  });
});
