import { describe, expect, it } from 'vitest';
import { submissionFrom } from '../components/nomination/submission';
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
  it('when optional fields are empty, then the nomination leaves them out, and consent is what was chosen', () => {
    const body = submissionFrom(
      formOf({
        mission: 'UNMISS',
        rotation: 'R1',
        category: 'civilian',
        'names[0].full': ' Ama Mensah ',
        'names[0].script': '',
        'nationalities[0].code': 'GH',
        'consent.given': 'on',
        'consent.formVersion': 'v1',
        'consent.signedOn': '2026-01-10',
        'consent.method': 'recorded-verbal',
      }),
    );
    expect(body.person).toEqual({ names: [{ full: 'Ama Mensah' }], nationalities: ['GH'] });
    expect(body.consent).toEqual({ given: true, formVersion: 'v1', signedAt: '2026-01-10T00:00:00Z', method: 'recorded-verbal' });
    expect(body).not.toHaveProperty('selfDeclaration');
    expect(body).not.toHaveProperty('employmentDeclaration');
  });
  it('when several names, documents and employers are entered, then each is sent in the order shown, with its script and country', () => {
    const form = formOf({
      'names[0].full': 'Nguyen Van An',
      'names[3].full': 'Нгуен Ван Ан',
      'names[3].script': 'Cyrl',
      'documents[1].type': 'passport',
      'documents[1].number': 'C1234567',
      'documents[1].country': 'VN',
      'documents[2].type': 'military-id',
      'documents[2].number': '',
      'employers[0].name': 'Relief Corps',
      'employers[0].role': 'Driver',
      'employers[0].contactEmail': 'hr@relief.example',
      'employers[0].from': '2015',
      'employers[0].to': '2019-06',
      'employers[4].name': 'Viet Nam People’s Army',
      'employers[4].role': 'Sergeant',
      'employers[4].from': '2019-07',
      'employers[4].nationalService': 'on',
      'employmentDeclaration.recorded': 'on',
      'employmentDeclaration.formVersion': 'UN-EMP-2026.1',
      'employmentDeclaration.signedOn': '2026-02-01',
      'employmentDeclaration.method': 'electronic-signature',
      'declaration.recorded': 'on',
      'declaration.criminalOffence': 'no',
      'declaration.humanRightsViolation': 'yes',
      'declaration.repatriatedOnDisciplinaryGrounds': 'no',
      'declaration.explanation': 'Witness only',
      'declaration.formVersion': 'v1',
      'declaration.signedOn': '2026-02-01',
      'declaration.method': 'wet-signature-scanned',
    });
    const body = submissionFrom(form);
    expect(body.person.names).toEqual([{ full: 'Nguyen Van An' }, { full: 'Нгуен Ван Ан', script: 'Cyrl' }]);
    expect(body.person.documents).toEqual([{ type: 'passport', number: 'C1234567', country: 'VN' }]);
    expect(body.person.previousEmployers).toEqual([
      { name: 'Relief Corps', role: 'Driver', from: '2015', to: '2019-06', contactEmail: 'hr@relief.example' },
      { name: 'Viet Nam People’s Army', role: 'Sergeant', from: '2019-07', nationalService: true },
    ]);
    expect(body.employmentDeclaration).toEqual({
      noOtherEmployer: true,
      formVersion: 'UN-EMP-2026.1',
      signedAt: '2026-02-01T00:00:00Z',
      method: 'electronic-signature',
    });
    expect(body.selfDeclaration).toEqual({
      formVersion: 'v1',
      signedAt: '2026-02-01T00:00:00Z',
      method: 'wet-signature-scanned',
      criminalOffence: false,
      humanRightsViolation: true,
      repatriatedOnDisciplinaryGrounds: false,
      misconductAllegation: false,
      explanation: 'Witness only',
    });
    expect(body.consent.given).toBe(false);
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
    expect(sumBy(groups, 'period', 'screened')).toEqual([
      { label: '2026-Q1', value: 3 },
      { label: '2026-Q2', value: 3 },
    ]);
    expect(sumBy(groups, 'country', 'cleared')).toEqual([
      { label: 'GH', value: 0 },
      { label: 'NP', value: 1 },
    ]);
  });
  it('when an admin creates an account, then the ticked roles are sent, and a country only for an office', () => {
    expect(accountFrom(formOf({ username: ' officer.sn ', name: 'Senegal office', country: 'sn', 'role-tcc-officer': 'on' }))).toEqual({
      username: 'officer.sn',
      name: 'Senegal office',
      roles: ['tcc-officer'],
      country: 'SN',
    });
    expect(accountFrom(formOf({ username: 'aud2', name: 'Auditor', country: 'SN', 'role-auditor': 'on' }))).toEqual({
      username: 'aud2',
      name: 'Auditor',
      roles: ['auditor'],
    });
  });
  it('when a list file is XML or CSV, then it is sent with that content type', () => {
    expect(listContentType('consolidated.XML')).toBe('application/xml');
    expect(listContentType('bans.csv')).toBe('text/csv');
    expect(listContentType('bans.json')).toBe('application/json');
  });
});
