import { checkRequirements, employersToAsk, type PolicyRules } from '@vetting/policy';
import type { CheckType, NominationCategory } from './check-policy';
import { domainOf, findEmployer, verifiedOf, type EmployerIndex, type Verified } from './employer-directory';

/** One employment as the nomination lists it. */
export interface PreviousEmployer {
  name: string;
  role?: string;
  /** The HR contact the office typed: never where a request goes unless a screening officer confirmed it. */
  contactEmail?: string;
  country?: string;
  from?: string;
  to?: string;
  nationalService?: boolean;
}

/** The employer a disclosure request is about, and where it goes. */
export interface AskedEmployer extends PreviousEmployer {
  /** The directory entry the name designates, when known. */
  directoryId?: string;
  /** Where the request goes: the directory's verified contact, or one a screening officer confirmed. Absent while unconfirmed. */
  requestTo?: string;
  /** Addresses and domains whose answers are the employer's. */
  verified?: Verified;
  /** For a contact a screening officer confirmed outside the directory: who, and how they verified it. */
  confirmedBy?: string;
  verification?: string;
}

/** What a check needs to know about the person: as little as the external system asks for. */
export interface CheckSubject {
  name: string;
  dateOfBirth?: string;
  serviceNumber?: string;
  employer?: AskedEmployer;
}

export interface PlannedCheck {
  checkId: string;
  checkType: CheckType;
  /** The organisation asked: rate limits apply per organisation. */
  organisation: string;
  subject: CheckSubject;
  /** A disclosure request to an employer not in the directory waits for a screening officer to confirm a contact. */
  awaitingContact?: boolean;
}

export interface Nominee {
  candidateId: string;
  country: string;
  revision: number;
  category: NominationCategory;
  person: { names: { full: string }[]; dateOfBirth?: string; serviceNumber?: string; previousEmployers?: PreviousEmployer[] };
}

/**
 * The employer of a disclosure request as the directory resolves it: its verified contact, or nothing
 * yet. An employer outside the directory is rate-limited under `employerKey` of its typed domain (or
 * name): a keyed pseudonym, so a check stored in clear does not say where the person worked.
 */
function asked(
  employer: PreviousEmployer,
  directory: EmployerIndex,
  employerKey: (domain: string) => string,
): { employer: AskedEmployer; organisation: string; awaitingContact: boolean } {
  const entry = findEmployer(directory, employer.name);
  const contact = entry?.contacts[0]?.email;
  if (entry && contact)
    return {
      employer: { ...employer, directoryId: entry.employerId, requestTo: contact, verified: verifiedOf(entry) },
      organisation: `employer:${entry.employerId}`,
      awaitingContact: false,
    };
  const typedDomain = employer.contactEmail ? domainOf(employer.contactEmail) : '';
  return { employer, organisation: `employer:${employerKey(typedDomain || employer.name.toLowerCase())}`, awaitingContact: true };
}

/**
 * The checks one candidate revision needs under the policy (packages/policy `checkRequirements`):
 * each record check the category requires, the disciplinary record when the person's own national
 * service falls in the look-back window, and one misconduct disclosure per other employer of the
 * window, addressed through the employer directory. Ids are deterministic
 * (`<candidate>.<revision>.<type>[.<n>]`) and double as BullMQ job ids, so a redelivered event
 * never opens or enqueues a check twice. `at` is when the revision was nominated.
 */
export function planChecks(
  policy: PolicyRules,
  nominee: Nominee,
  at: Date,
  directory: EmployerIndex,
  employerKey: (domain: string) => string,
): PlannedCheck[] {
  const base = `${nominee.candidateId}.${nominee.revision}`;
  const person = nominee.person;
  const subject: CheckSubject = {
    name: person.names[0]?.full ?? '',
    ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
    ...(person.serviceNumber ? { serviceNumber: person.serviceNumber } : {}),
  };
  const employers = person.previousEmployers ?? [];
  const planned: PlannedCheck[] = [];
  for (const { checkType } of checkRequirements(policy, nominee.category, { periods: employers, declaredNoOtherEmployer: false }, at)) {
    if (checkType !== 'misconduct-disclosure') {
      const organisation =
        checkType === 'un-records' ? 'UN' : `${nominee.country}-${checkType === 'disciplinary-record' ? 'service' : 'records'}`;
      planned.push({ checkId: `${base}.${checkType}`, checkType, organisation, subject });
      continue;
    }
    employersToAsk(policy, employers, at).forEach((index, i) => {
      const { employer, organisation, awaitingContact } = asked(employers[index]!, directory, employerKey);
      planned.push({
        checkId: `${base}.${checkType}.${i + 1}`,
        checkType,
        organisation,
        subject: { ...subject, employer },
        ...(awaitingContact ? { awaitingContact } : {}),
      });
    });
  }
  return planned;
}
