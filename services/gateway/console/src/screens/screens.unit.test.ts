import { describe, expect, it } from 'vitest';
import { submissionFrom } from './nominate.screen';
import { exportQuery } from './exports.screen';
import { sumBy } from './statistics.screen';
import { listContentType } from './lists.screen';
import { accountFrom } from './users.screen';

const formOf = (values: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
};

describe('screens turn forms into requests', () => {
  it('when optional fields are empty, then the nomination leaves them out and records consent', () => {
    const body = submissionFrom(formOf({ mission: 'UNMISS', rotation: 'R1', category: 'civilian', fullName: ' Ama Mensah ', nationality: 'gh', consent: 'on' }), new Date('2026-01-01T00:00:00Z'));
    expect(body.person).toEqual({ names: [{ full: 'Ama Mensah' }], nationalities: ['GH'] });
    expect(body.consent).toMatchObject({ given: true, signedAt: '2026-01-01T00:00:00.000Z' });
  });
  it('when an export is for a rotation, then only the rotation scope is sent', () => {
    expect(exportQuery('rotation', formOf({ rotation: 'R1', mission: '', candidateId: 'x' }))).toEqual({ rotation: 'R1' });
  });
  it('when statistics come by period and country, then a figure is summed per period in order', () => {
    const groups: { period: string; country: string; figures: Record<string, number> }[] = [
      { period: '2026-Q2', country: 'GH', figures: { screened: 2 } },
      { period: '2026-Q1', country: 'NP', figures: { screened: 3 } },
      { period: '2026-Q2', country: 'NP', figures: { screened: 1, cleared: 1 } },
    ];
    expect(sumBy(groups, 'period', 'screened')).toEqual([{ label: '2026-Q1', value: 3 }, { label: '2026-Q2', value: 3 }]);
    expect(sumBy(groups, 'country', 'cleared')).toEqual([{ label: 'GH', value: 0 }, { label: 'NP', value: 1 }]);
  });
  it('when an admin creates an account, then the ticked roles are sent, and a country only for an office', () => {
    expect(accountFrom(formOf({ username: ' officer.sn ', name: 'Senegal office', country: 'sn', 'role-tcc-officer': 'on' }))).toEqual({ username: 'officer.sn', name: 'Senegal office', roles: ['tcc-officer'], country: 'SN' });
    expect(accountFrom(formOf({ username: 'aud2', name: 'Auditor', country: 'SN', 'role-auditor': 'on' }))).toEqual({ username: 'aud2', name: 'Auditor', roles: ['auditor'] });
  });
  it('when a list file is XML or CSV, then it is sent with that content type', () => {
    expect(listContentType('consolidated.XML')).toBe('application/xml');
    expect(listContentType('bans.csv')).toBe('text/csv');
    expect(listContentType('bans.json')).toBe('application/json');
  });
});
