import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './hash-chain';
import { createPeopleAccumulator, type PeopleQuery } from './people-statistics';

let seq = 0;
const entry = (type: string, subject: string, time: string, data: Record<string, unknown> = {}): AuditEntry =>
  ({ seq: ++seq, type, subject, time, data: { candidateId: subject, country: 'GH', ...data } }) as unknown as AuditEntry;
const nominated = (id: string, time: string, mission = 'MINUSCA', category = 'military-contingent', country = 'GH') =>
  entry('candidate.submitted', id, time, { country, nomination: { mission, rotation: 'R1', category } });

function fold(entries: AuditEntry[], query: Partial<PeopleQuery> = {}) {
  const acc = createPeopleAccumulator({ by: 'quarter', ...query });
  for (const e of entries) acc.add(e);
  return acc.result();
}

describe('statistics by person', () => {
  it("when one person's case produces many events, then they count once, in the quarter of their nomination, with their latest state", () => {
    const result = fold([
      nominated('a', '2026-01-10T00:00:00Z'),
      entry('screening.completed', 'a', '2026-01-10T00:01:00Z'),
      entry('clearance.decided', 'a', '2026-01-11T00:00:00Z', { outcome: 'pending-review' }),
      entry('screening.completed', 'a', '2026-04-02T00:00:00Z'),
      entry('candidate.updated', 'a', '2026-04-02T00:00:00Z', {
        nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
      }),
      entry('clearance.decided', 'a', '2026-04-03T00:00:00Z', { outcome: 'cleared' }),
    ]);
    expect(result.groups).toEqual([
      {
        period: '2026-Q1',
        country: 'GH',
        mission: 'MINUSCA',
        category: 'military-contingent',
        figures: expect.objectContaining({ people: 1, screened: 1, cleared: 1, pending: 0 }),
      },
    ]);
  });

  it('when people are refused, withdrawn, revoked, expired or undecided, then each is counted in that state and the groups split by mission and category', () => {
    const result = fold([
      nominated('r', '2026-02-01T00:00:00Z'),
      entry('clearance.decided', 'r', '2026-02-02T00:00:00Z', { outcome: 'not-cleared' }),
      nominated('w', '2026-02-01T00:00:00Z'),
      entry('candidate.withdrawn', 'w', '2026-02-03T00:00:00Z'),
      nominated('v', '2026-02-01T00:00:00Z', 'UNMISS'),
      entry('clearance.decided', 'v', '2026-02-02T00:00:00Z', { outcome: 'cleared' }),
      entry('clearance.revoked', 'v', '2026-03-01T00:00:00Z'),
      nominated('e', '2026-02-01T00:00:00Z', 'UNMISS', 'staff-officer'),
      entry('clearance.decided', 'e', '2026-02-02T00:00:00Z', { outcome: 'cleared' }),
      entry('clearance.expired', 'e', '2026-03-01T00:00:00Z'),
      nominated('p', '2026-02-01T00:00:00Z'),
    ]);
    expect(result.totals).toMatchObject({ people: 5, cleared: 0, refused: 1, withdrawn: 1, revoked: 1, expired: 1, pending: 1 });
    expect(result.groups.map((g) => [g.mission, g.category, g.figures.people])).toEqual([
      ['MINUSCA', 'military-contingent', 3],
      ['UNMISS', 'military-contingent', 1],
      ['UNMISS', 'staff-officer', 1],
    ]);
  });

  it('when a mission, a country, a category or a period is asked for, then only those people are counted', () => {
    const entries = [
      nominated('x', '2026-01-05T00:00:00Z', 'MINUSCA'),
      nominated('y', '2026-05-05T00:00:00Z', 'UNMISS'),
      nominated('z', '2026-05-05T00:00:00Z', 'UNMISS', 'formed-police-unit', 'NP'),
    ];
    expect(fold(entries, { missions: ['UNMISS'] }).totals.people).toBe(2);
    expect(fold(entries, { country: 'NP' }).totals.people).toBe(1);
    expect(fold(entries, { category: 'formed-police-unit' }).totals.people).toBe(1);
    expect(fold(entries, { from: '2026-04-01T00:00:00Z' }).totals.people).toBe(2);
    expect(fold(entries, { by: 'year' }).groups.map((g) => g.period)).toEqual(['2026', '2026', '2026']);
  });
});
