import { createEvent } from '@vetting/platform';
import { declarationFlagged, type Candidate } from '../domain/candidate';

/**
 * The event that starts screening and checks; carries only what they need. The self-declaration is
 * reduced to two booleans: its answers and explanation stay in intake.
 */
export function submissionEvent(c: Candidate, type: 'candidate.submitted' | 'candidate.updated') {
  const p = c.person;
  return createEvent('intake', {
    type,
    subject: c.id,
    tenant: c.country,
    data: {
      candidateId: c.id,
      country: c.country,
      revision: c.revision,
      office: c.officeId,
      nomination: c.nomination,
      person: {
        names: p.names,
        ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
        ...(p.nationalities ? { nationalities: p.nationalities } : {}),
        ...(p.gender ? { gender: p.gender } : {}),
        ...(p.documents ? { documents: p.documents } : {}),
        ...(p.serviceNumber ? { serviceNumber: p.serviceNumber } : {}),
        ...(p.previousEmployers?.length ? { previousEmployers: p.previousEmployers } : {}),
      },
      consent: { given: true, formVersion: c.consent.formVersion, recordedAt: c.consent.signedAt, method: c.consent.method },
      selfDeclaration: { recorded: Boolean(c.selfDeclaration), flagged: declarationFlagged(c.selfDeclaration) },
    },
  });
}

export function withdrawalEvent(c: Candidate, reason: string, at: string) {
  return createEvent('intake', {
    type: 'candidate.withdrawn',
    subject: c.id,
    tenant: c.country,
    data: { candidateId: c.id, country: c.country, reason, revision: c.revision, withdrawnAt: at },
  });
}

/** Announces an erasure so every service forgets the person; carries ids only. */
export function erasureEvent(c: Candidate, basis: 'retention' | 'request', at: string) {
  return createEvent('intake', {
    type: 'candidate.erased',
    subject: c.id,
    tenant: c.country,
    data: { candidateId: c.id, country: c.country, erasedAt: at, basis },
  });
}
