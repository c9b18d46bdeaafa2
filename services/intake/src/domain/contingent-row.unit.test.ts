import { describe, expect, it } from 'vitest';
import { columnOf, csvRecordToSubmission } from './contingent-row';
import { diffRoll, type CertifiedMember, type RotationCertificate } from './rotation-certificate';

describe('contingent files', () => {
  it('when a CSV row is mapped, then columns become the submission shape and defaults fill the nomination', () => {
    const s = csvRecordToSubmission(
      { name: 'Kwame Mensah', nationalities: 'gh; tg', consent_given: 'Yes', consent_signed_at: '2026-01-02' },
      { rotation: 'R1' },
    );
    expect(s).toEqual({
      person: { names: [{ full: 'Kwame Mensah' }], nationalities: ['GH', 'TG'] },
      nomination: { rotation: 'R1' },
      consent: { given: true, signedAt: '2026-01-02T00:00:00Z' },
    });
    expect(columnOf('person/dateOfBirth')).toBe('date_of_birth');
  });

  it('when a CSV row names prior employers, then each becomes one previousEmployers entry, gaps closed, and problems name the employer column', () => {
    const s = csvRecordToSubmission(
      {
        name: 'Esi Darko',
        employer_2_name: 'Relief Works',
        employer_2_role: 'Nurse',
        employer_2_email: 'hr@relief.example',
        employer_2_to: '2024-06',
        employer_3_name: 'Aid Org',
        employer_3_email: 'hr@aid.example',
      },
      {},
    );
    expect(s.person).toEqual({
      names: [{ full: 'Esi Darko' }],
      previousEmployers: [
        { name: 'Relief Works', role: 'Nurse', contactEmail: 'hr@relief.example', to: '2024-06' },
        { name: 'Aid Org', contactEmail: 'hr@aid.example' },
      ],
    });
    expect(columnOf('person/previousEmployers')).toBe('employer_* (employment history)');
    expect(columnOf('person/previousEmployers/1/to')).toBe('employer_2_to');
  });
});

describe('rotation roll diff', () => {
  const member = (id: string, over: Partial<CertifiedMember> = {}): CertifiedMember => ({
    candidateId: id,
    caseReference: id,
    displayName: id,
    revision: 1,
    status: 'cleared',
    listVersions: [],
    ...over,
  });
  it('when the roll changed after certification, then added, removed and changed members are listed', () => {
    const cert = {
      id: 'c1',
      version: 1,
      certifiedAt: '2026-01-01T00:00:00Z',
      members: [member('a'), member('b'), member('c')],
    } as RotationCertificate;
    const diff = diffRoll(cert, [member('a'), member('b', { revision: 2, status: 'screening' }), member('d')]);
    expect(diff.unchanged).toBe(1);
    expect(diff.added.map((m) => m.candidateId)).toEqual(['d']);
    expect(diff.removed.map((m) => m.candidateId)).toEqual(['c']);
    expect(diff.changed).toEqual([{ candidateId: 'b', before: member('b'), after: member('b', { revision: 2, status: 'screening' }) }]);
  });
});
