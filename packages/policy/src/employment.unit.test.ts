import { describe, expect, it } from 'vitest';
import { checkRequirements, coverageGaps, employersToAsk, endOf, startOf } from './employment';
import { BUILT_IN_RULES } from './vetting-policy';

const at = new Date('2026-03-15T10:00:00Z');
const years = { employmentLookbackYears: 5 };

describe('employment coverage and the checks it requires', () => {
  it('when partial dates are read, then a month or a year means its whole span', () => {
    expect(startOf('2020-05').toISOString()).toBe('2020-05-01T00:00:00.000Z');
    expect(endOf('2020-02').toISOString()).toBe('2020-02-29T23:59:59.999Z');
    expect(endOf('2020').toISOString()).toBe('2020-12-31T23:59:59.999Z');
    expect(endOf('2020-12-31').toISOString()).toBe('2020-12-31T23:59:59.999Z');
  });

  it('when the history runs through the whole window (a month between jobs at most), then nothing is uncovered', () => {
    expect(coverageGaps(years, [{ from: '2018-01', to: '2022-06' }, { from: '2022-07' }], at)).toEqual([]);
    expect(coverageGaps(years, [{ from: '2010', nationalService: true }], at)).toEqual([]);
  });

  it('when years of the window are unaccounted for, then each gap is reported with its dates', () => {
    expect(coverageGaps(years, [{ from: '2019-01', to: '2022-12' }], at)).toEqual([{ from: '2022-12-31', to: '2026-03-15' }]);
    expect(coverageGaps(years, [], at)).toEqual([{ from: '2021-03-15', to: '2026-03-15' }]);
    expect(coverageGaps(years, [{ from: '2020', to: '2022' }, { from: '2024-06' }], at)).toEqual([
      { from: '2022-12-31', to: '2024-06-01' },
    ]);
  });

  it('when employers are listed, then a disclosure is asked of those in the window except the national service', () => {
    const periods = [
      { from: '2012', to: '2019-12' },
      { from: '2020-01', to: '2023-05' },
      { from: '2023-06', nationalService: true },
    ];
    expect(employersToAsk(years, periods, at)).toEqual([1]);
  });

  it('when a civilian served in their national forces within the window, then the disciplinary record is required as for its employer', () => {
    const employment = {
      periods: [{ from: '2015', to: '2022-08', nationalService: true }, { from: '2022-09' }],
      declaredNoOtherEmployer: false,
    };
    expect(checkRequirements(BUILT_IN_RULES, 'civilian', employment, at).map((r) => [r.checkType, r.count])).toEqual([
      ['national-criminal-record', 1],
      ['un-records', 1],
      ['misconduct-disclosure', 1],
      ['disciplinary-record', 1],
    ]);
  });

  it('when a soldier declares no employer but the service, then the record checks are required and no disclosure', () => {
    const employment = { periods: [{ from: '2014', nationalService: true }], declaredNoOtherEmployer: true };
    expect(checkRequirements(BUILT_IN_RULES, 'military-contingent', employment, at).map((r) => r.checkType)).toEqual([
      'national-criminal-record',
      'disciplinary-record',
      'un-records',
    ]);
  });
});
