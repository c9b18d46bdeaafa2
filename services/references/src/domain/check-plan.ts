import type { CheckPolicy, CheckType, NominationCategory } from './check-policy';
import { requiredChecks } from './check-policy';

export interface PreviousEmployer {
  name: string;
  contactEmail: string;
  country?: string;
  from?: string;
  to?: string;
}

/** What a check needs to know about the person: as little as the external system asks for. */
export interface CheckSubject {
  name: string;
  dateOfBirth?: string;
  serviceNumber?: string;
  employer?: PreviousEmployer;
}

export interface PlannedCheck {
  checkId: string;
  checkType: CheckType;
  /** The organisation asked: rate limits apply per organisation. */
  organisation: string;
  subject: CheckSubject;
}

export interface Nominee {
  candidateId: string;
  country: string;
  revision: number;
  category: NominationCategory;
  person: { names: { full: string }[]; dateOfBirth?: string; serviceNumber?: string; previousEmployers?: PreviousEmployer[] };
}

/** Did the employment end within the last `years` (or is it ongoing / undated)? */
export function employedWithin(employer: PreviousEmployer, years: number, now: Date): boolean {
  if (!employer.to) return true;
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const [y, m = '12', d = '28'] = employer.to.split('-');
  return new Date(`${y}-${m}-${d}T23:59:59Z`) >= cutoff;
}

/**
 * The checks one candidate revision needs. Ids are deterministic (`<candidate>.<revision>.<type>[.<n>]`)
 * and double as BullMQ job ids, so a redelivered event never opens or enqueues a check twice.
 * A misconduct-disclosure requirement with no employer listed yields no disclosure check: the
 * record checks still run. An employer's organisation (its rate-limit bucket) is `employerKey` of its
 * mail domain: a keyed pseudonym, so a check stored in clear does not say where the person worked.
 */
export function planChecks(policy: CheckPolicy, nominee: Nominee, now: Date, employerKey: (domain: string) => string): PlannedCheck[] {
  const base = `${nominee.candidateId}.${nominee.revision}`;
  const person = nominee.person;
  const subject: CheckSubject = {
    name: person.names[0]?.full ?? '',
    ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
    ...(person.serviceNumber ? { serviceNumber: person.serviceNumber } : {}),
  };
  const planned: PlannedCheck[] = [];
  for (const checkType of requiredChecks(policy, nominee.category)) {
    if (checkType !== 'misconduct-disclosure') {
      const organisation = checkType === 'un-records' ? 'UN' : `${nominee.country}-${checkType === 'disciplinary-record' ? 'service' : 'records'}`;
      planned.push({ checkId: `${base}.${checkType}`, checkType, organisation, subject });
      continue;
    }
    const employers = (person.previousEmployers ?? []).filter((e) => employedWithin(e, policy.disclosureYears, now));
    employers.forEach((employer, i) => {
      const domain = employer.contactEmail.split('@')[1]?.toLowerCase() ?? employer.name;
      planned.push({ checkId: `${base}.${checkType}.${i + 1}`, checkType, organisation: `employer:${employerKey(domain)}`, subject: { ...subject, employer } });
    });
  }
  return planned;
}
