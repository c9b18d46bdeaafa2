import { createHash } from 'node:crypto';
import { createEvent } from '@vetting/platform';
import { declarationFlagged, declaredItems, type Candidate } from '../domain/candidate';
import { employmentSummary } from '../domain/employment-coverage';

/**
 * The event that starts screening and checks; carries only what they need. The self-declaration is
 * reduced to whether it was recorded and the items answered "yes" (each a finding for the
 * adjudicator): its explanation stays in intake.
 */
export function submissionEvent(c: Candidate, type: 'candidate.submitted' | 'candidate.updated', id?: string) {
  const p = c.person;
  return createEvent('intake', {
    ...(id ? { id } : {}),
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
      selfDeclaration: { recorded: Boolean(c.selfDeclaration), flagged: declarationFlagged(c.selfDeclaration), ...(declaredItems(c.selfDeclaration).length ? { declared: declaredItems(c.selfDeclaration) } : {}) },
      // Periods only (no names, no contacts): clearance counts the references the policy requires.
      employment: employmentSummary(c),
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

/**
 * The id of a candidate's candidate.submitted event, the same on every run: a bulk upload publishes
 * a chunk's events itself and may publish them again after a crash, and consumers drop a repeated id.
 */
export function submittedEventId(candidateId: string): string {
  const h = createHash('sha256').update(`candidate.submitted:${candidateId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
