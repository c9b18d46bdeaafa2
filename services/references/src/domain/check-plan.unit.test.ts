import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '@vetting/policy';
import { planChecks, type PreviousEmployer } from './check-plan';
import { indexEmployers, type EmployerEntry } from './employer-directory';

const now = new Date('2026-11-27T00:00:00Z');
const nominee = (category: 'military-contingent' | 'civilian', previousEmployers?: PreviousEmployer[]) => ({
  candidateId: 'c1',
  country: 'GH',
  revision: 2,
  category,
  person: { names: [{ full: 'Kwame Mensah' }], ...(previousEmployers ? { previousEmployers } : {}) },
});
const relief: EmployerEntry = {
  employerId: 'emp-1',
  name: 'Relief Now International',
  aliases: ['RNI'],
  domains: ['relief-now.example'],
  contacts: [{ email: 'hr@relief-now.example' }],
  verification: 'called the switchboard',
  verifiedBy: 'screener-1',
  verifiedAt: '2026-01-01T00:00:00Z',
  status: 'active',
};

/** The employer pseudonym of these tests (the service's is an HMAC with its own key). */
const employerKey = (domain: string) => `k(${domain.length})`;

describe('check plan', () => {
  it('when a soldier lists only their national service, then the national, disciplinary and UN checks are planned with deterministic ids', () => {
    const plan = planChecks(
      BUILT_IN_RULES,
      nominee('military-contingent', [{ name: 'Ghana Armed Forces', from: '2012', nationalService: true }]),
      now,
      new Map(),
      employerKey,
    );
    expect(plan.map((p) => p.checkId)).toEqual(['c1.2.national-criminal-record', 'c1.2.disciplinary-record', 'c1.2.un-records']);
    expect(plan.map((p) => p.organisation)).toEqual(['GH-records', 'GH-service', 'UN']);
  });

  it('when a civilian served in the national forces within the window, then their disciplinary record is asked too', () => {
    const plan = planChecks(
      BUILT_IN_RULES,
      nominee('civilian', [{ name: 'Ghana Armed Forces', from: '2015', to: '2023-01', nationalService: true }]),
      now,
      new Map(),
      employerKey,
    );
    expect(plan.map((p) => p.checkType)).toEqual(['national-criminal-record', 'un-records', 'disciplinary-record']);
  });

  it('when employers are listed, then one disclosure request goes to each employer of the last five years only', () => {
    const plan = planChecks(
      BUILT_IN_RULES,
      nominee('civilian', [
        { name: 'Old Org', contactEmail: 'hr@old.example', from: '2012', to: '2019-12' },
        { name: 'Recent Org', contactEmail: 'hr@recent.example', from: '2020-01', to: '2022-05' },
        { name: 'Current Org', contactEmail: 'people@current.example', from: '2022-06' },
      ]),
      now,
      new Map(),
      employerKey,
    );
    const disclosures = plan.filter((p) => p.checkType === 'misconduct-disclosure');
    expect(disclosures.map((d) => d.subject.employer?.name)).toEqual(['Recent Org', 'Current Org']);
    expect(disclosures.map((d) => d.checkId)).toEqual(['c1.2.misconduct-disclosure.1', 'c1.2.misconduct-disclosure.2']);
  });

  it('when the directory knows the employer, then the request goes to its verified contact, whatever the office typed', () => {
    const [disclosure] = planChecks(
      BUILT_IN_RULES,
      nominee('civilian', [{ name: 'Relief Now International Ltd.', contactEmail: 'friend@gmail.example', from: '2021-01' }]),
      now,
      indexEmployers([relief]),
      employerKey,
    ).filter((p) => p.checkType === 'misconduct-disclosure');
    expect(disclosure).toMatchObject({
      organisation: 'employer:emp-1',
      subject: {
        employer: {
          requestTo: 'hr@relief-now.example',
          directoryId: 'emp-1',
          contactEmail: 'friend@gmail.example',
          verified: { emails: ['hr@relief-now.example'], domains: ['relief-now.example'] },
        },
      },
    });
    expect(disclosure?.awaitingContact).toBeUndefined();
  });

  it('when the directory does not know the employer, then the request is held for a screening officer and has no address to go to', () => {
    const [disclosure] = planChecks(
      BUILT_IN_RULES,
      nominee('civilian', [{ name: 'Acme Security Services', contactEmail: 'boss@acme-sec.example', from: '2021-01' }]),
      now,
      indexEmployers([relief]),
      employerKey,
    ).filter((p) => p.checkType === 'misconduct-disclosure');
    expect(disclosure).toMatchObject({
      awaitingContact: true,
      subject: { employer: { name: 'Acme Security Services', contactEmail: 'boss@acme-sec.example' } },
    });
    // Rate-limited under a pseudonym of the typed domain: the check in clear does not say where the person worked.
    expect(disclosure?.organisation).toBe(`employer:${employerKey('acme-sec.example')}`);
    expect(disclosure?.subject.employer?.requestTo).toBeUndefined();
  });
});
