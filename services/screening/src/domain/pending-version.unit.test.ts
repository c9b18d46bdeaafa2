import { describe, expect, it } from 'vitest';
import type { BanListEntry } from '@vetting/banlists';
import { peopleTakenOff } from './people-taken-off';
import { countersignRefusal, type PendingVersion } from './pending-version';

const entry = (over: Partial<BanListEntry> = {}): BanListEntry => ({
  id: 'E1',
  names: [{ full: 'Tariq Mehmood QADIR', kind: 'primary' }],
  datesOfBirth: ['1979-04-12'],
  placesOfBirth: [],
  nationalities: ['PK'],
  documents: [{ type: 'passport', number: 'AB9081726', country: 'PK' }],
  serviceNumbers: [],
  category: 'sea',
  status: 'barred',
  sourceReference: 'case 1',
  ...over,
});

describe('what a new list version takes off the list', () => {
  it('when a version drops an entry, then it is listed as removed with its name', () => {
    expect(peopleTakenOff([entry(), entry({ id: 'E2' })], [entry()])).toEqual({
      removed: [{ id: 'E2', name: 'Tariq Mehmood QADIR' }],
      reidentified: [],
    });
  });

  it('when a correction alters a name, date of birth or document, then the entry is re-identified with the fields named', () => {
    const after = entry({
      names: [{ full: 'Someone Else', kind: 'primary' }],
      datesOfBirth: ['1990'],
      documents: [{ type: 'passport', number: 'ZZ1', country: 'PK' }],
    });
    expect(peopleTakenOff([entry()], [after]).reidentified).toEqual([
      { id: 'E1', name: 'Tariq Mehmood QADIR', fields: ['names', 'datesOfBirth', 'documents'] },
    ]);
  });

  it('when a version only adds entries, aliases or documents, or changes spelling case or remarks, then it takes no one off', () => {
    const richer = entry({
      names: [
        { full: 'tariq mehmood qadir', kind: 'primary' },
        { full: 'Tariq Mahmood', kind: 'alias' },
      ],
      documents: [...entry().documents, { type: 'national-id', number: '123', country: 'PK' }],
      remarks: 'updated',
      status: 'left-pending-allegation',
    });
    expect(peopleTakenOff([entry()], [richer, entry({ id: 'E9' })])).toEqual({ removed: [], reidentified: [] });
  });

  it('when a nationality or gender the matcher reads is changed, then the entry counts as re-identified', () => {
    expect(
      peopleTakenOff([entry({ gender: 'male' })], [entry({ gender: 'female', nationalities: ['IN'] })]).reidentified[0]?.fields,
    ).toEqual(['nationalities', 'gender']);
  });
});

describe('countersigning a pending version', () => {
  it('when a pending version is countersigned, then only another officer may, and only while it is open', () => {
    const p = { proposalId: 'x', listId: 'bar', proposedBy: 'a', status: 'pending' } as PendingVersion;
    expect(countersignRefusal(p, 'a', true)).toBe('BANLIST.SAME_OFFICER');
    expect(countersignRefusal(p, 'b', true)).toBeUndefined();
    expect(countersignRefusal({ ...p, status: 'confirming', decidedBy: 'b' }, 'b', true)).toBeUndefined();
    expect(countersignRefusal({ ...p, status: 'confirming', decidedBy: 'b' }, 'c', true)).toBe('BANLIST.PROPOSAL_DECIDED');
    expect(countersignRefusal({ ...p, status: 'rejected' }, 'b', false)).toBe('BANLIST.PROPOSAL_DECIDED');
    expect(countersignRefusal({ ...p, status: 'superseded' }, 'b', true)).toBe('BANLIST.PROPOSAL_DECIDED');
  });
});
