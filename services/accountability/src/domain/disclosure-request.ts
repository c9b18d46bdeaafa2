/**
 * Answering a misconduct-disclosure request: an organisation hiring a former peacekeeper asks the
 * UN (or the country, for a national-service period) whether the person had a substantiated finding
 * or left while under investigation. The platform answers as a previous employer, in the scheme's
 * form, only to a verified requester holding the person's signed consent, by a deadline. The answer
 * is checked against what the platform knows: "none" (or "left while under investigation") when a
 * finding is recorded needs a justification and a second person's countersignature.
 */
export const DISCLOSURE_ANSWERS = ['finding', 'left-under-investigation', 'none'] as const;
export type DisclosureAnswerKind = (typeof DISCLOSURE_ANSWERS)[number];

/** Who answers: the UN (service in a mission) or a country's office (a national-service period). */
export type AddressedTo = 'UN' | string;

export interface KnownFinding {
  /** Where the platform records it: a request for action (substantiated misconduct), a confirmed ban-list match, a revoked clearance. */
  source: 'request-for-action' | 'ban-list' | 'clearance-revoked';
  reference: string;
  /** The misconduct category of a request for action; the source's name otherwise. */
  category: string;
  /** When it was substantiated, confirmed or revoked (a date). */
  substantiatedOn: string;
  listEntry?: { listId: string; entryId: string };
  country: string;
}

export interface ConsentRecord {
  /** Description in clear; the file itself is sealed under the person's key. */
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  signedOn: string;
  /** The person declared the scheme's statement (no finding withheld, consent to ask previous employers). */
  declarationSigned: true;
  attachedBy: string;
  attachedAt: string;
}

export interface DisclosureAnswer {
  kind: DisclosureAnswerKind;
  answeredBy: string;
  answeredAt: string;
  /** References of the findings the platform knew when the answer was given. */
  knownFindings: string[];
  /** Why the answer departs from what the platform knows (sealed), when it does. */
  sealedJustification?: string;
  /** A note for the requester (sealed). */
  sealedNote?: string;
  countersignedBy?: string;
  countersignedAt?: string;
}

export interface DisclosureRequest {
  id: string;
  reference: string;
  addressedTo: AddressedTo;
  /** The person's nomination on this platform (their clearance history); the person's country. */
  candidateId: string;
  country: string;
  /** The requesting organisation, from the employer directory, and its contact's mail domain (the address itself is sealed). */
  requester: { organisationId: string; organisationName?: string; contactDomain: string; theirReference?: string };
  /** Name, date of birth, identifiers as the requester gave them, sealed under the person's key. */
  sealedPerson: string;
  sealedContact: string;
  verified?: { at: string; by: string; organisationName: string };
  consent?: ConsentRecord;
  receivedAt: string;
  receivedBy: string;
  dueBy: string;
  state: 'open' | 'awaiting-countersignature' | 'answered';
  answer?: DisclosureAnswer;
  /** Set once by the deadline job when the deadline passed unanswered (an event tells whoever answers). */
  overdueSince?: string;
}

/** Whether the deadline job marks the request overdue now: unanswered, past its deadline, not yet marked. */
export const becomesOverdue = (r: DisclosureRequest, now: Date) =>
  r.state !== 'answered' && !r.overdueSince && now.getTime() > Date.parse(r.dueBy);

export type DisclosureStatus = 'unverified' | 'awaiting-consent' | 'open' | 'overdue' | 'awaiting-countersignature' | 'answered';

export function statusOf(r: DisclosureRequest, now: Date): DisclosureStatus {
  if (r.state === 'answered') return 'answered';
  if (r.state === 'awaiting-countersignature') return 'awaiting-countersignature';
  if (now.getTime() > Date.parse(r.dueBy)) return 'overdue';
  if (!r.verified) return 'unverified';
  if (!r.consent) return 'awaiting-consent';
  return 'open';
}

/** An organisation of the employer directory as this service knows it (from `reference.employer-verified`). */
export interface RequestingOrganisation {
  organisationId: string;
  name: string;
  domains: string[];
  status: 'active' | 'retired';
  revision: number;
}

/** Why the requester cannot be taken as the organisation it claims to be, or undefined when it can. */
export function requesterProblem(org: RequestingOrganisation | undefined, contactDomain: string): string | undefined {
  if (!org) return 'the organisation is not in the employer directory';
  if (org.status !== 'active') return 'the organisation is retired from the employer directory';
  const domain = contactDomain.toLowerCase();
  if (!org.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) return `${domain} is not a verified mail domain of ${org.name}`;
  return undefined;
}

export type Problem = { code: string; status: number; message: string; field?: string };
const problem = (code: string, status: number, message: string, field?: string) => ({
  problem: { code, status, message, ...(field ? { field } : {}) },
});

export interface AnswerInput {
  kind: DisclosureAnswerKind;
  justification?: string;
}

/**
 * Whether this answer may be given now, and to which state it leads: never to an unverified
 * requester or without the consent; "finding" when the platform knows one goes straight out; an
 * answer that contradicts the record (or a finding the platform does not know) needs a
 * justification, and one that withholds a known finding also a second person.
 */
export function decideAnswer(
  r: DisclosureRequest,
  input: AnswerInput,
  known: KnownFinding[],
): { problem: Problem } | { state: DisclosureRequest['state']; departs: boolean } {
  if (r.state !== 'open') return problem('DISCLOSURE.ALREADY_ANSWERED', 409, 'The request is already answered');
  if (!r.verified)
    return problem(
      'DISCLOSURE.REQUESTER_UNVERIFIED',
      409,
      'The requester is not verified: nothing about the person may be disclosed',
      'requester',
    );
  if (!r.consent)
    return problem('DISCLOSURE.CONSENT_REQUIRED', 409, "The person's signed consent and declaration are not on file", 'consent');
  const withholds = known.length > 0 && input.kind !== 'finding';
  const unrecorded = known.length === 0 && input.kind !== 'none';
  if ((withholds || unrecorded) && !input.justification?.trim())
    return problem(
      'DISCLOSURE.JUSTIFICATION_REQUIRED',
      400,
      withholds
        ? `The platform records ${known.length} substantiated finding(s): say why the answer is ${input.kind}`
        : 'The platform records no finding: say what the answer rests on',
      'body/justification',
    );
  return { state: withholds ? 'awaiting-countersignature' : 'answered', departs: withholds || unrecorded };
}

export function decideCountersignature(r: DisclosureRequest, by: string): Problem | undefined {
  if (r.state !== 'awaiting-countersignature' || !r.answer)
    return { code: 'DISCLOSURE.NOTHING_TO_COUNTERSIGN', status: 409, message: 'No answer waits for a countersignature' };
  if (r.answer.answeredBy === by)
    return { code: 'DISCLOSURE.SAME_PERSON', status: 403, message: 'The countersignature must be another person’s' };
  return undefined;
}
