import { AppError, forbidden, notFound, type AccessRecorder, type Actor, type EventEnvelope } from '@vetting/platform';
import { createEvent } from '@vetting/platform';
import type { ActionRequest } from '../domain/action-request';
import type { DisclosureRequest, KnownFinding, Problem } from '../domain/disclosure-request';
import type { CaseFileRepository } from '../data/case-file.repository';
import type { DisclosureConsentStore } from '../data/disclosure-consent.repository';
import type { PersonRecordsRepository } from '../data/person-records.repository';
import type { TextSealer } from '../data/sealed-text';
import type { VettingFactsRepository } from '../data/vetting-facts.repository';

export interface DisclosureDeps {
  disclosures: CaseFileRepository<DisclosureRequest>;
  consents: DisclosureConsentStore;
  requests: CaseFileRepository<ActionRequest>;
  facts: VettingFactsRepository;
  records: PersonRecordsRepository;
  sealer: TextSealer;
  access: AccessRecorder;
  answerDays: number;
  now: () => Date;
  onEvents: () => void;
}

const isUn = (actor: Actor) => actor.roles.some((r) => r === 'un-screener' || r === 'un-adjudicator' || r === 'auditor' || r === 'admin');

/**
 * A request the actor may see: the UN sees all; a country's office only those addressed to it (a
 * national-service period), another's is a 404 so ids do not tell what exists.
 */
export async function visibleDisclosure(actor: Actor, id: string, deps: Pick<DisclosureDeps, 'disclosures'>): Promise<DisclosureRequest> {
  const r = await deps.disclosures.load(id);
  if (!r || (!isUn(actor) && (!actor.country || r.addressedTo !== actor.country)))
    throw notFound('DISCLOSURE.NOT_FOUND', 'No such disclosure request');
  return r;
}

/** Who may answer: UN officers for the UN, the country's own office for its national-service periods. */
export function mustAnswerFor(actor: Actor, r: DisclosureRequest) {
  const un = actor.roles.includes('un-screener') || actor.roles.includes('un-adjudicator');
  if (r.addressedTo === 'UN' ? !un : !(actor.roles.includes('tcc-officer') && actor.country === r.addressedTo))
    throw forbidden(
      'DISCLOSURE.NOT_THE_ANSWERER',
      r.addressedTo === 'UN' ? 'A UN officer answers requests addressed to the UN' : `The office of ${r.addressedTo} answers this request`,
    );
}

/**
 * What the platform records against the person: requests for action naming them, confirmed ban-list
 * matches, revoked clearances. An office gets its own country's only, for what it reads and for what
 * its answer is checked against alike: a nomination id typed by an office must not tell it whether
 * another country's national has a record.
 */
export async function knownFindings(
  actor: Actor,
  candidateId: string,
  deps: Pick<DisclosureDeps, 'requests' | 'records'>,
): Promise<KnownFinding[]> {
  const [requested, recorded] = await Promise.all([deps.requests.find({ candidateId }, { sentAt: -1 }), deps.records.of(candidateId)]);
  const all = [
    ...requested.map((r): KnownFinding => ({
      source: 'request-for-action',
      reference: r.reference,
      category: r.category,
      substantiatedOn: r.substantiatedOn,
      listEntry: r.listEntry,
      country: r.country,
    })),
    ...recorded,
  ];
  return isOffice(actor) ? all.filter((f) => f.country === actor.country) : all;
}

/** A country's office (not also a UN officer): scoped to its own country. */
export const isOffice = (actor: Actor) => actor.roles.includes('tcc-officer') && !actor.roles.some((r) => r.startsWith('un-'));

export function refuse(p: Problem): never {
  throw new AppError(p.code, p.message, { status: p.status, errors: p.field ? [{ field: p.field, reason: p.message }] : [] });
}

/** The request's event (ids, dates, states and the answer's kind; never the person or the texts). */
export function disclosureEvent(
  r: DisclosureRequest,
  step: 'received' | 'verified' | 'consent-attached' | 'answered' | 'countersigned' | 'overdue',
  by: string,
  at: string,
  extra: Record<string, unknown> = {},
): EventEnvelope {
  return createEvent('accountability', {
    type: `disclosure.${step}`,
    subject: r.id,
    tenant: r.country,
    data: {
      requestId: r.id,
      reference: r.reference,
      addressedTo: r.addressedTo,
      country: r.country,
      candidateId: r.candidateId,
      organisationId: r.requester.organisationId,
      by,
      at,
      ...extra,
    },
  });
}

/** Applies one step once per cause; returns the request as stored. */
export async function applyStep(
  deps: DisclosureDeps,
  id: string,
  cause: string,
  decide: (current: DisclosureRequest) => { state: DisclosureRequest; events: EventEnvelope[] } | undefined,
) {
  const result = await deps.disclosures.change(id, cause, (current) => (current ? decide(current) : undefined));
  if (result.outcome === 'applied') deps.onEvents();
  return (await deps.disclosures.load(id))!;
}
