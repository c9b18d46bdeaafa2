import { describe, expect, it } from 'vitest';
import { recheckRow, summarise } from './offline-recheck';

const bundle = { createdAt: '2026-03-01T00:00:00Z', expiresAt: '2026-03-08T00:00:00Z' };
const line = (outcome: 'clear' | 'possible-match' | 'match', screenedAt = '2026-03-03T10:00:00Z') => ({
  ref: 'TCC-17',
  screenedAt,
  outcome,
});

describe('an offline result screened again on arrival', () => {
  it('given a person clear offline and clear today, when rechecked, then the row agrees and needs no review', () => {
    expect(recheckRow(line('clear'), 'clear', bundle)).toEqual({
      ref: 'TCC-17',
      screenedAt: '2026-03-03T10:00:00Z',
      offlineOutcome: 'clear',
      currentOutcome: 'clear',
      agrees: true,
      needsReview: false,
      flags: [],
    });
  });

  it('given an office reporting clear for someone today’s lists match, when rechecked, then the row disagrees and needs review', () => {
    expect(recheckRow(line('clear'), 'match', bundle)).toMatchObject({ agrees: false, needsReview: true, currentOutcome: 'match' });
  });

  it('given an office reporting a possible match that is one today too, when rechecked, then it agrees and still needs the UN’s review', () => {
    expect(recheckRow(line('possible-match'), 'possible-match', bundle)).toMatchObject({ agrees: true, needsReview: true });
  });

  it('given a result screened after the bundle expired, when rechecked, then it is flagged and needs review even if clear', () => {
    expect(recheckRow(line('clear', '2026-03-08T00:00:00Z'), 'clear', bundle)).toMatchObject({
      needsReview: true,
      flags: ['screened-after-expiry'],
    });
  });

  it('given a result dated before the bundle was issued (a back-dated row), when rechecked, then it is flagged and needs review', () => {
    expect(recheckRow(line('clear', '2026-02-28T23:59:59Z'), 'clear', bundle)).toMatchObject({
      needsReview: true,
      flags: ['screened-before-issue'],
    });
  });

  it('given rows that agree, disagree and need review, when summarised, then each count is right', () => {
    const rows = [
      recheckRow(line('clear'), 'clear', bundle),
      recheckRow(line('clear'), 'match', bundle),
      recheckRow(line('match'), 'match', bundle),
    ];
    expect(summarise(rows)).toEqual({ rows: 3, agree: 2, disagree: 1, needsReview: 2 });
  });
});
