import { createHash } from 'node:crypto';
import type { EventPersonalByType } from '@vetting/contracts';
import { createEvent, type EventEnvelope, type PersonalSealer } from '@vetting/platform';
import { declarationFlagged, declaredItems, type Candidate } from '../domain/candidate';
import { employmentSummary } from '../domain/employment-coverage';

/**
 * The event that starts screening and checks; carries only what they need. The person, their
 * employment periods and the self-declaration items answered "yes" travel in the sealed personal
 * block (under their own key: erasure reaches every copy); in clear only whether a self-declaration
 * was recorded and flagged. Its explanation stays in intake.
 */
export async function submissionEvent(
  c: Candidate,
  type: 'candidate.submitted' | 'candidate.updated',
  sealer: PersonalSealer,
  id?: string,
  /** A periodic re-vetting's revision names it and the clearance it renews (the trail links the two). */
  revetting?: { revettingId: string; previousDecisionId: string },
): Promise<EventEnvelope> {
  const p = c.person;
  const person = {
    names: p.names,
    ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
    ...(p.nationalities ? { nationalities: p.nationalities } : {}),
    ...(p.gender ? { gender: p.gender } : {}),
    ...(p.documents ? { documents: p.documents } : {}),
    ...(p.serviceNumber ? { serviceNumber: p.serviceNumber } : {}),
    ...(p.previousEmployers?.length ? { previousEmployers: p.previousEmployers } : {}),
  } as EventPersonalByType[typeof type]['person'];
  const declared = declaredItems(c.selfDeclaration);
  const event = createEvent('intake', {
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
      consent: { given: true, formVersion: c.consent.formVersion, recordedAt: c.consent.signedAt, method: c.consent.method },
      selfDeclaration: { recorded: Boolean(c.selfDeclaration), flagged: declarationFlagged(c.selfDeclaration) },
      ...(revetting && type === 'candidate.updated' ? { revetting } : {}),
    },
  });
  // Employment periods only (no names, no contacts): clearance counts the references the policy requires.
  return sealer.sealEvent<typeof type>(event, {
    person,
    employment: employmentSummary(c) as EventPersonalByType[typeof type]['employment'],
    ...(declared.length ? { declared } : {}),
  });
}

/** The office's reason is free text about the person: sealed. */
export function withdrawalEvent(c: Candidate, reason: string, at: string, sealer: PersonalSealer): Promise<EventEnvelope> {
  const event = createEvent('intake', {
    type: 'candidate.withdrawn',
    subject: c.id,
    tenant: c.country,
    data: { candidateId: c.id, country: c.country, revision: c.revision, withdrawnAt: at },
  });
  return sealer.sealEvent(event, { reason });
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
