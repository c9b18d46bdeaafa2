import { describe, expect, it } from 'vitest';
import type { ListEntry, PersonQuery } from '../model';
import { listEntry } from '../list-entry.fixture';
import { compareDob, compareGender, compareNationality, EVIDENCE_WEIGHTS } from '../score/evidence';
import { entryCeiling } from '../score/entry-ceiling';
import { scorePair } from '../score/score-pair';
import { createEvidenceTable } from './entry-evidence';

// Every kind of agreement and disagreement the evidence knows, with several and malformed dates.
const dobs = [[], ['1970'], ['1970-05'], ['1970-05-01'], ['1971-05-01'], ['1973'], ['1990-01-05'], ['1970-01-05', '1969'], ['unknown']];
const nationalities = [[], ['AF'], ['af', 'PK'], ['Côte d’Ivoire'], ['COTE D’IVOIRE']];
const genders = [undefined, 'male', 'female'] as const;
const entries: ListEntry[] = dobs.flatMap((d, i) =>
  nationalities.flatMap((n, j) =>
    genders.map((g, k) => listEntry(`E-${i}-${j}-${k}`, ['Wang Wei'], { datesOfBirth: d, nationalities: n, ...(g ? { gender: g } : {}) })),
  ),
);
const queries: PersonQuery[] = [
  { names: ['Wang Wei'] },
  { names: ['Wang Wei'], dateOfBirth: '1970-05-01', nationalities: ['AF'], gender: 'male' },
  { names: ['Wang Wei'], dateOfBirth: '1970-01-05', nationalities: ['cote d’ivoire'], gender: 'female' },
  { names: ['Wang Wei'], dateOfBirth: '1970', nationalities: ['XX', 'pk'] },
  { names: ['Wang Wei'], dateOfBirth: '1984-02-03' },
  { names: ['Wang Wei'], dateOfBirth: 'not a date', gender: 'male' },
];

describe('entry evidence table', () => {
  it('when an entry is compared, then its support and penalty are the contributions the evidence comparisons give', () => {
    const table = createEvidenceTable(entries);
    for (const q of queries) {
      table.prepare(q);
      entries.forEach((entry, e) => {
        const parts = [
          compareDob(q.dateOfBirth, entry.datesOfBirth),
          compareNationality(q.nationalities, entry.nationalities),
          compareGender(q.gender, entry.gender),
        ].map((f) => f?.contribution ?? 0);
        const got = table.evidence(e, { support: 0, penalty: 0 });
        const label = `${JSON.stringify(q)} vs ${entry.id}`;
        expect(got.support, label).toBeCloseTo(
          parts.filter((x) => x > 0).reduce((a, b) => a + b, 0),
          12,
        );
        expect(got.penalty, label).toBeCloseTo(
          parts.filter((x) => x < 0).reduce((a, b) => a + b, 0),
          12,
        );
      });
    }
  });

  it('when the query has a document, then every entry may gain the support a short identical number gives', () => {
    const table = createEvidenceTable(entries);
    table.prepare({ names: ['Wang Wei'], serviceNumbers: ['77'] });
    expect(table.evidence(0, { support: 0, penalty: 0 }).support).toBe(EVIDENCE_WEIGHTS.documentShort);
  });

  it('when an entry is scored, then its score never exceeds its ceiling at its name score', () => {
    const table = createEvidenceTable(entries);
    for (const names of [['Wang Wei'], ['Wang Weiming'], ['Wang'], ['Wong Wei Li']]) {
      for (const base of queries) {
        const q = { ...base, names };
        table.prepare(q);
        entries.forEach((entry, e) => {
          const hit = scorePair(q, entry);
          const name = hit.features.find((f) => f.feature === 'name')!.contribution;
          // hits carry rounded figures: the name score may be up to 0.0005 above or below its own
          const ceiling = entryCeiling(name + 0.0005, table.evidence(e, { support: 0, penalty: 0 }));
          expect(hit.score, `${JSON.stringify(q)} vs ${entry.id}`).toBeLessThanOrEqual(Math.round(ceiling * 1000) / 1000);
        });
      }
    }
  });
});
