import { describe, expect, it } from 'vitest';
import { banEntry } from '../testing/domain-fixtures';
import { peopleTakenOff } from './people-taken-off';
import { countersignRefusal, defaultProposalReason, overlappingProposal, type PendingVersion } from './pending-version';

const entry = banEntry;

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

const proposal = (proposalId: string, removed: string[], basedOnVersion = 4): PendingVersion => ({
  proposalId,
  listId: 'bar',
  change: { kind: 'remove', entryId: removed[0] ?? '' },
  reason: 'r',
  proposedBy: 'a',
  proposedAt: '2026-01-01T00:00:00Z',
  basedOnVersion,
  takesOff: { removed: removed.map((id) => ({ id, name: id })), reidentified: [] },
  staged: {
    version: basedOnVersion + 1,
    contentHash: 'h',
    entryCount: 1,
    diff: { added: 0, removed: removed.length, changed: 0 },
    provenance: { fileHash: 'f', format: 'manual-remove' },
  },
  status: 'pending',
});

describe('proposals that take the same people off', () => {
  it('given an open proposal removing E1 and E2, when another removes E2 over the same version, then it collides on E2', () => {
    const open = proposal('p1', ['E1', 'E2']);
    expect(overlappingProposal([open], proposal('p2', ['E2', 'E3']))).toEqual({ proposal: open, overlap: ['E2'] });
  });

  it('given an open proposal, when the same proposal is asked for again (a retried request), then it collides with nothing', () => {
    expect(overlappingProposal([proposal('p1', ['E1'])], proposal('p1', ['E1']))).toBeUndefined();
  });

  it('given an open proposal over another version or on other people, when a new one is made, then they do not collide', () => {
    expect(overlappingProposal([proposal('p1', ['E1'], 3), proposal('p3', ['E9'])], proposal('p2', ['E1']))).toBeUndefined();
  });

  it('given no reason from the officer, when proposed, then the reason is the change asked for', () => {
    expect(defaultProposalReason({ kind: 'import', format: 'un-consolidated-xml' })).toBe('import of a un-consolidated-xml file');
    expect(defaultProposalReason({ kind: 'remove', entryId: 'E1' })).toBe('remove E1');
  });
});
