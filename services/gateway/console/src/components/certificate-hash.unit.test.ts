import { contentHashOf } from '@vetting/signing';
import { certificateContent } from '@vetting/contracts/certificate';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../api/types';
import { certificateHash } from './certificate-hash';

const certificate: Certificate = {
  id: 'cert-1',
  country: 'GH',
  rotation: 'UNMISS-2027-1',
  missions: ['UNMISS'],
  version: 2,
  supersedes: 'cert-0',
  certifiedAt: '2027-01-10T09:00:00.000Z',
  certifiedBy: 'officer-7',
  statement: 'All members decided.',
  contentHash: 'sha256:unused',
  members: [
    {
      candidateId: 'c-1',
      caseReference: 'GH-0001',
      displayName: 'Ama Boateng',
      revision: 3,
      status: 'cleared',
      decidedAt: '2027-01-09T12:00:00.000Z',
      listVersions: [{ listId: 'un', version: 4, contentHash: 'sha256:abc' }],
    },
  ],
};

describe('certificateHash', () => {
  it('is the hash intake signs (RFC 8785 of the certified content), so the page can check what it prints', async () => {
    expect(await certificateHash(certificate)).toBe(contentHashOf(certificateContent(certificate)));
  });

  it('leaves names out, so a renamed or erased member does not change the hash', async () => {
    const renamed = { ...certificate, members: certificate.members.map((m) => ({ ...m, displayName: '(erased)' })) };
    expect(await certificateHash(renamed)).toBe(await certificateHash(certificate));
    expect(JSON.stringify(certificateContent(certificate))).not.toContain('Ama Boateng');
  });

  it('changes when anything certified changes', async () => {
    const restated = { ...certificate, members: certificate.members.map((m) => ({ ...m, status: 'not-cleared' as const })) };
    expect(await certificateHash(restated)).not.toBe(await certificateHash(certificate));
  });
});
