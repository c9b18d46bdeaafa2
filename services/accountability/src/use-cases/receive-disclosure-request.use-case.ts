import { createHash, randomUUID } from 'node:crypto';
import { badRequest, type Actor } from '@vetting/platform';
import { requesterProblem, type DisclosureRequest } from '../domain/disclosure-request';
import { applyStep, disclosureEvent, isOffice, visibleDisclosure, type DisclosureDeps } from './disclosure-context';

export interface ReceiveInput {
  /** `UN`, or the country (ISO code) whose office answers for a national-service period. */
  addressedTo: string;
  candidateId: string;
  country: string;
  requester: { organisationId: string; contactName: string; contactEmail: string; theirReference?: string };
  person: { fullName: string; dateOfBirth?: string; identifiers?: string; periods?: string };
}

const domainOf = (email: string) => email.split('@')[1]?.trim().toLowerCase() ?? '';

/**
 * Records a disclosure request as it arrived (its deadline runs from now: DISCLOSURE_ANSWER_DAYS)
 * and verifies the requester against the employer directory at once. An office records only requests
 * addressed to its own country, about its own nationals. The same Idempotency-Key records it once.
 */
export async function receiveDisclosureRequest(actor: Actor, input: ReceiveInput, key: string | undefined, deps: DisclosureDeps) {
  const errors: { field: string; reason: string }[] = [];
  if (isOffice(actor)) {
    if (input.addressedTo !== actor.country)
      errors.push({ field: 'body/addressedTo', reason: `an office records requests addressed to its own country (${actor.country})` });
    if (input.country !== actor.country)
      errors.push({ field: 'body/country', reason: `an office records requests about its own nationals (${actor.country})` });
  }
  if (input.addressedTo !== 'UN' && input.addressedTo !== input.country)
    errors.push({ field: 'body/addressedTo', reason: 'a country answers only for its own nationals: UN, or the person’s country' });
  if (!domainOf(input.requester.contactEmail)) errors.push({ field: 'body/requester/contactEmail', reason: 'is not a mail address' });
  if (errors.length) throw badRequest('DISCLOSURE.INVALID', 'The disclosure request is not valid', errors);
  const now = deps.now();
  const id = `mds-${key ? createHash('sha256').update(`${actor.id}|${key}`).digest('hex').slice(0, 20) : randomUUID()}`;
  const at = now.toISOString();
  const request: DisclosureRequest = {
    id,
    reference: `MDS-${now.getUTCFullYear()}-${id.slice(4, 12).toUpperCase()}`,
    addressedTo: input.addressedTo,
    candidateId: input.candidateId,
    country: input.country,
    requester: {
      organisationId: input.requester.organisationId,
      contactDomain: domainOf(input.requester.contactEmail),
      ...(input.requester.theirReference ? { theirReference: input.requester.theirReference } : {}),
    },
    sealedPerson: await deps.sealer.seal(input.candidateId, `person:${id}`, JSON.stringify(input.person)),
    sealedContact: await deps.sealer.seal(
      input.candidateId,
      `contact:${id}`,
      JSON.stringify({ name: input.requester.contactName, email: input.requester.contactEmail }),
    ),
    receivedAt: at,
    receivedBy: actor.id,
    dueBy: new Date(now.getTime() + deps.answerDays * 86_400_000).toISOString(),
    state: 'open',
  };
  const result = await deps.disclosures.change(id, `receive:${id}`, (current) =>
    current ? undefined : { state: request, events: [disclosureEvent(request, 'received', actor.id, at, { dueBy: request.dueBy })] },
  );
  if (result.outcome === 'applied') deps.onEvents();
  const stored = await verifyRequester(actor, id, deps);
  return { request: stored, created: result.outcome === 'applied' };
}

/** Checks the requester against the employer directory (again, after an officer updated it): verified once, for good. */
export async function verifyRequester(actor: Actor, id: string, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  if (r.verified) return r;
  const org = await deps.facts.organisation(r.requester.organisationId);
  const problem = requesterProblem(org, r.requester.contactDomain);
  if (problem || !org) return { ...r, verificationProblem: problem };
  const at = deps.now().toISOString();
  return applyStep(deps, id, `verify:${id}`, (current) => {
    if (current.verified) return undefined;
    const state = {
      ...current,
      requester: { ...current.requester, organisationName: org.name },
      verified: { at, by: actor.id, organisationName: org.name },
    };
    return { state, events: [disclosureEvent(state, 'verified', actor.id, at, { organisationName: org.name })] };
  });
}
