import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { contentHash, storedMember, withNames, type CertifiedMember, type RotationCertificate } from './rotation-certificate';

const member = (id: string, displayName: string): CertifiedMember => ({
  candidateId: id,
  caseReference: `REF-${id}`,
  displayName,
  revision: 1,
  status: 'cleared',
  listVersions: [],
});
const draft = (members: CertifiedMember[]) => ({
  id: 'cert-1',
  country: 'GH',
  rotation: 'R',
  missions: ['M'],
  version: 1,
  certifiedAt: '2026-11-27T00:00:00.000Z',
  certifiedBy: 'gh-office',
  members,
});

describe('rotation certificate, minimised', () => {
  it('when a member is stored, then only the name is left out', () => {
    expect(storedMember(member('c1', 'Amina K'))).toEqual({
      candidateId: 'c1',
      caseReference: 'REF-c1',
      revision: 1,
      status: 'cleared',
      listVersions: [],
    });
  });

  it('when only a name differs (or is erased), then the content hash is the same', () => {
    expect(contentHash(draft([member('c1', 'Amina K')]))).toBe(contentHash(draft([member('c1', '(erased)')])));
    expect(contentHash(draft([member('c1', 'Amina K')]))).not.toBe(
      contentHash(draft([{ ...member('c1', 'Amina K'), status: 'not-cleared' }])),
    );
  });

  it('when a stored certificate is read, then names come from the current roll, and a member no longer on it is marked', () => {
    const cert = {
      contentHash: 'sha256:x',
      ...draft([storedMember(member('c1', '')), storedMember(member('c2', ''))] as CertifiedMember[]),
    } as RotationCertificate;
    const current = [{ id: 'c1', person: { names: [{ full: 'Amina K' }] } } as unknown as Candidate];
    expect(withNames(cert, current).members.map((m) => [m.candidateId, m.displayName])).toEqual([
      ['c1', expect.any(String)],
      ['c2', '(no longer on this rotation)'],
    ]);
  });
});
