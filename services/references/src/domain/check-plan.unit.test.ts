import { describe, expect, it } from 'vitest';
import { planChecks } from './check-plan';
import { DEFAULT_CHECK_POLICY, parseCheckPolicy } from './check-policy';

const now = new Date('2026-11-27T00:00:00Z');
const nominee = (category: 'military-contingent' | 'civilian', previousEmployers?: { name: string; contactEmail: string; to?: string }[]) => ({
  candidateId: 'c1',
  country: 'GH',
  revision: 2,
  category,
  person: { names: [{ full: 'Kwame Mensah' }], ...(previousEmployers ? { previousEmployers } : {}) },
});

/** The employer pseudonym of these tests (the service's is an HMAC with its own key). */
const employerKey = (domain: string) => `k(${domain.length})`;

describe('check plan', () => {
  it('when a soldier has no prior employer listed, then the national, disciplinary and UN checks are planned with deterministic ids', () => {
    const plan = planChecks(DEFAULT_CHECK_POLICY, nominee('military-contingent'), now, employerKey);
    expect(plan.map((p) => p.checkId)).toEqual(['c1.2.national-criminal-record', 'c1.2.disciplinary-record', 'c1.2.un-records']);
    expect(plan.map((p) => p.organisation)).toEqual(['GH-records', 'GH-service', 'UN']);
  });

  it('when employers are listed, then one disclosure request goes to each employer of the last five years only', () => {
    const plan = planChecks(
      DEFAULT_CHECK_POLICY,
      nominee('civilian', [
        { name: 'Old Org', contactEmail: 'hr@old.example', to: '2019-12' },
        { name: 'Recent Org', contactEmail: 'hr@recent.example', to: '2022-05' },
        { name: 'Current Org', contactEmail: 'people@current.example' },
      ]),
      now,
      employerKey,
    );
    const disclosures = plan.filter((p) => p.checkType === 'misconduct-disclosure');
    expect(disclosures.map((d) => d.subject.employer?.name)).toEqual(['Recent Org', 'Current Org']);
    expect(disclosures.map((d) => d.checkId)).toEqual(['c1.2.misconduct-disclosure.1', 'c1.2.misconduct-disclosure.2']);
    // The organisation is a pseudonym of the employer's mail domain: a check in clear does not say where the person worked.
    expect(disclosures[0]?.organisation).toBe('employer:k(14)');
    expect(JSON.stringify(plan.map((p) => p.organisation))).not.toContain('example');
  });

  it('when a policy file names an unknown check type, then parsing fails naming the field', () => {
    expect(() => parseCheckPolicy({ version: 3, categories: { civilian: ['horoscope'] } })).toThrow(/categories\.civilian\.0/);
  });
});
