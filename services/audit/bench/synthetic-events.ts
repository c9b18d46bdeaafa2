import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@vetting/platform';

/** A realistic mix: each candidate's story is six events of the kinds the services emit. */
export function syntheticEvent(i: number): EventEnvelope {
  const candidateId = `cand-${Math.floor(i / 6)}`;
  const country = ['GH', 'NP', 'BD', 'RW', 'PK'][i % 5]!;
  const base = {
    specversion: '1.0' as const,
    id: randomUUID(),
    subject: candidateId,
    tenant: country,
    datacontenttype: 'application/json' as const,
    time: new Date(1.77e12 + i * 1000).toISOString(),
    correlationid: randomUUID(),
  };
  switch (i % 6) {
    case 0:
      return {
        ...base,
        source: 'intake',
        type: 'candidate.submitted',
        data: {
          candidateId,
          country,
          revision: 1,
          nomination: { mission: 'MINUSCA', rotation: 'R7', category: 'military-contingent' },
          person: { names: [{ full: 'Test Person' }], dateOfBirth: '1990-01-01' },
          consent: { given: true, formVersion: 'v1', recordedAt: base.time },
        },
      };
    case 1:
      return {
        ...base,
        source: 'screening',
        type: 'screening.completed',
        data: {
          candidateId,
          country,
          screeningId: `s-${i}`,
          candidateRevision: 1,
          outcome: 'possible-match',
          listVersions: [{ listId: 'un-sea', version: 3, contentHash: 'a'.repeat(64) }],
          hits: [{ listId: 'un-sea', entryId: 'SEA-1', score: 0.8, band: 'possible-match', matchedName: 'Test Persson' }],
        },
      };
    case 2:
      return {
        ...base,
        source: 'references',
        type: 'reference.check-requested',
        data: { candidateId, country, checkId: `k-${i}`, checkType: 'prior-employer' },
      };
    case 3:
      return {
        ...base,
        source: 'references',
        type: 'reference.check-completed',
        data: { candidateId, country, checkId: `k-${i}`, checkType: 'prior-employer', result: 'no-adverse' },
      };
    case 4:
      return {
        ...base,
        source: 'clearance',
        type: 'clearance.decided',
        data: {
          candidateId,
          country,
          decisionId: `d-${i}`,
          outcome: 'cleared',
          policyVersion: 1,
          decidedBy: 'policy',
          reasons: ['all checks clear'],
          inputs: {
            screening: { screeningId: `s-${i}`, outcome: 'clear', listVersions: [] },
            references: [{ checkType: 'prior-employer', result: 'no-adverse' }],
          },
        },
      };
    default:
      return {
        ...base,
        source: 'intake',
        type: 'access.recorded',
        data: { actor: 'gh-office', role: 'tcc-officer', subjectId: candidateId, resource: 'candidate', purpose: 'status' },
      };
  }
}
