import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '@vetting/policy';
import { csvRecordToSubmission } from './contingent-row';
import { employmentProblems, employmentSummary } from './employment-coverage';

const now = new Date('2026-06-01T00:00:00Z');
const declaration = {
  noOtherEmployer: true as const,
  formVersion: 'EMP-1',
  signedAt: '2026-05-01T00:00:00Z',
  method: 'electronic-signature' as const,
};

describe('employment coverage', () => {
  it('when neither a history nor the declaration is given, then the history is required, naming the window and the declaration', () => {
    expect(employmentProblems({ person: {} }, 'GH', BUILT_IN_RULES, now)).toEqual([
      {
        field: 'person/previousEmployers',
        reason: expect.stringMatching(/is required: the employment of the last 5 years \(since 2021-06-01\).*employmentDeclaration/),
      },
    ]);
  });

  it('when the history leaves years unaccounted for, then the gap is named unless the candidate declared no other employer', () => {
    const person = {
      previousEmployers: [{ name: 'Relief Works', role: 'Driver', contactEmail: 'hr@relief.example', from: '2019', to: '2022-12' }],
    };
    expect(employmentProblems({ person }, 'GH', BUILT_IN_RULES, now)[0]?.reason).toMatch(/does not cover 2022-12-31 to 2026-06-01/);
    expect(employmentProblems({ person, employmentDeclaration: declaration }, 'GH', BUILT_IN_RULES, now)).toEqual([]);
    expect(employmentProblems({ person: {}, employmentDeclaration: declaration }, 'GH', BUILT_IN_RULES, now)).toEqual([]);
  });

  it('when a longer look-back is published, then the same history no longer covers it', () => {
    const person = { previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2019', nationalService: true }] };
    expect(employmentProblems({ person }, 'GH', BUILT_IN_RULES, now)).toEqual([]);
    expect(employmentProblems({ person }, 'GH', { employmentLookbackYears: 10 }, now)[0]?.field).toBe('person/previousEmployers');
  });

  it('when an employer has no HR contact, or national service is another country’s, then the entry’s field is named', () => {
    const person = {
      previousEmployers: [
        { name: 'Aid Org', role: 'Nurse', from: '2018', to: '2020' },
        { name: 'Togolese Armed Forces', role: 'Sergeant', from: '2020', country: 'TG', nationalService: true },
      ],
    };
    expect(employmentProblems({ person }, 'GH', BUILT_IN_RULES, now).map((p) => p.field)).toEqual([
      'person/previousEmployers/0/contactEmail',
      'person/previousEmployers/1/nationalService',
    ]);
  });

  it('when the summary for clearance is made, then it holds periods and the declaration, never names or contacts', () => {
    const person = {
      previousEmployers: [
        { name: 'Aid Org', role: 'Nurse', contactEmail: 'hr@aid.example', from: '2018', to: '2020' },
        { name: 'GAF', role: 'Private', from: '2020', nationalService: true },
      ],
    };
    const summary = employmentSummary({ person, employmentDeclaration: declaration });
    expect(summary).toEqual({
      periods: [
        { from: '2018', to: '2020' },
        { from: '2020', nationalService: true },
      ],
      declaredNoOtherEmployer: true,
    });
  });

  it('when a CSV row carries national service and the declaration, then they map to the submission', () => {
    const s = csvRecordToSubmission(
      {
        name: 'Kofi',
        employer_1_name: 'GAF',
        employer_1_role: 'Private',
        employer_1_from: '2015',
        employer_1_national_service: 'yes',
        employment_declaration_no_other_employer: 'yes',
        employment_declaration_form_version: 'EMP-1',
        employment_declaration_signed_at: '2026-01-02',
        employment_declaration_method: 'wet-signature-scanned',
      },
      {},
    );
    expect(s).toMatchObject({
      person: { previousEmployers: [{ name: 'GAF', role: 'Private', from: '2015', nationalService: true }] },
      employmentDeclaration: {
        noOtherEmployer: true,
        formVersion: 'EMP-1',
        signedAt: '2026-01-02T00:00:00Z',
        method: 'wet-signature-scanned',
      },
    });
  });
});
