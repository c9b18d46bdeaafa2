import type { BanListEntry } from '@vetting/banlists';
import type { ScreeningResult } from '../domain/subject';

/** A valid ban-list entry (a row of the platform format) for pure unit tests of domain decisions. */
export const banEntry = (over: Partial<BanListEntry> = {}): BanListEntry => ({
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
  listingDate: '2019-05-01',
  ...over,
});

/** A first screening of candidate c1 (revision 1) with no personal data, for pure unit tests of the subject. */
export const screeningResult = (over: Partial<ScreeningResult> = {}): ScreeningResult => ({
  candidateId: 'c1',
  country: 'GH',
  candidateRevision: 1,
  person: { names: [], nationalities: [], documents: [] },
  fingerprint: 'fp',
  screeningId: 'c1:1',
  screenedAt: '2026-01-01T00:00:00Z',
  listVersions: [],
  hits: [],
  near: [],
  ...over,
});
