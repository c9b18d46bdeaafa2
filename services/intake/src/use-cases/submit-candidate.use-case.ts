import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, badRequest, createEvent, type Actor } from '@vetting/platform';
import type { Candidate, Consent, Nomination, Person } from '../domain/candidate';
import type { CandidateRepository } from '../data/candidate.repository';

export interface SubmitCandidateInput {
  nomination: Nomination;
  person: Person;
  consent: Consent;
  country?: string;
}

export interface SubmitDeps {
  repository: CandidateRepository;
  now: () => Date;
  newId?: () => string;
  onEvents: () => void;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A case reference an office can read out on the phone: country, year, 8 unambiguous characters. */
export function caseReference(country: string, now: Date, bytes = randomBytes(8)): string {
  const code = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return `${country}-${now.getUTCFullYear()}-${code}`;
}

/** The event that starts screening and checks; carries only what they need. */
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
      nomination: c.nomination,
      person: {
        names: p.names,
        ...(p.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
        ...(p.nationalities ? { nationalities: p.nationalities } : {}),
        ...(p.gender ? { gender: p.gender } : {}),
        ...(p.documents ? { documents: p.documents } : {}),
        ...(p.serviceNumber ? { serviceNumber: p.serviceNumber } : {}),
      },
      consent: { given: true, formVersion: c.consent.formVersion, recordedAt: c.consent.signedAt },
    },
  });
}

/** A TCC office nominates one person. Without recorded consent nothing is stored and screening never starts. */
/**
 * `commandKey` (the client's Idempotency-Key) makes a retried request return the first result
 * instead of nominating the person twice.
 */
export async function submitCandidate(actor: Actor, input: SubmitCandidateInput, deps: SubmitDeps, commandKey?: string): Promise<Candidate> {
  const isOfficer = actor.roles.includes('tcc-officer');
  const country = isOfficer ? actor.country : input.country;
  if (isOfficer && input.country && input.country !== actor.country)
    throw new AppError('AUTH.OTHER_COUNTRY', 'A TCC officer can only nominate for their own country', { status: 403 });
  if (!country) throw badRequest('CANDIDATE.COUNTRY_REQUIRED', 'The owning country is required', [{ field: 'body/country', reason: 'is required' }]);
  if (!input.consent.given)
    throw badRequest('CANDIDATE.CONSENT_REQUIRED', 'Screening needs the candidate’s recorded consent', [
      { field: 'body/consent/given', reason: 'must be true: vetting needs the candidate’s consent' },
    ]);
  const now = deps.now();
  if (new Date(input.consent.signedAt) > now)
    throw badRequest('CANDIDATE.CONSENT_IN_FUTURE', 'The consent is dated in the future', [{ field: 'body/consent/signedAt', reason: 'is in the future' }]);
  const candidate: Candidate = {
    id: commandKey ? `c-${createHash('sha256').update(`${actor.id}:${commandKey}`).digest('hex').slice(0, 32)}` : (deps.newId?.() ?? randomUUID()),
    country,
    caseReference: caseReference(country, now),
    officeId: actor.id,
    nomination: input.nomination,
    person: input.person,
    consent: input.consent,
    status: 'screening',
    revision: 1,
    screeningDone: false,
    referencesDone: false,
    timeline: [
      { at: now.toISOString(), status: 'nominated', event: 'nominated' },
      { at: now.toISOString(), status: 'screening', event: 'screening started' },
    ],
    createdAt: now.toISOString(),
  };
  const stored = await deps.repository.insert(candidate, [submissionEvent(candidate, 'candidate.submitted')], `submit:${candidate.id}`);
  deps.onEvents();
  return stored;
}
