import { listRead } from './list-read';
import { countryScope, notFound, type Actor, type AppError } from '@vetting/platform';
import { annualFigures } from '../domain/disclosure-figures';
import { statusOf, type DisclosureRequest } from '../domain/disclosure-request';
import { isOffice, knownFindings, visibleDisclosure, type DisclosureDeps } from './disclosure-context';

/** Opens a sealed field, or undefined once the person's key is shredded (erased): the case file's ids, dates and answer stay. */
const openUnlessErased = (deps: DisclosureDeps, field: string, sealed: string) =>
  deps.sealer.open(field, sealed).catch((e: unknown) => {
    if ((e as AppError).code === 'CRYPTO.ERASED') return undefined;
    throw e;
  });

/** What lists show: ids, organisation, dates and status; never the person or the texts. */
const summaryOf = (r: DisclosureRequest, now: Date) => {
  const { sealedPerson: _p, sealedContact: _c, answer, ...rest } = r;
  return {
    ...rest,
    status: statusOf(r, now),
    ...(answer
      ? {
          answer: {
            kind: answer.kind,
            answeredBy: answer.answeredBy,
            answeredAt: answer.answeredAt,
            countersignedBy: answer.countersignedBy,
          },
        }
      : {}),
  };
};

export async function listDisclosures(actor: Actor, q: { status?: string; candidateId?: string }, deps: DisclosureDeps) {
  const now = deps.now();
  const addressedTo = isOffice(actor) ? actor.country : undefined;
  const all = (await deps.disclosures.find({ addressedTo, candidateId: q.candidateId }, { receivedAt: -1 })).map((r) => summaryOf(r, now));
  return listRead(actor, all, q.status, deps.access, {
    resource: 'accountability/disclosure-requests',
    purpose: 'disclosure requests list',
    fields: ['requesting organisation', 'answer kind'],
  });
}

/** One request opened: the person as the requester described them, the contact, the answer's texts, and what the platform records. */
export async function readDisclosure(actor: Actor, id: string, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  await deps.access.record({
    actor,
    subjectId: r.candidateId,
    resource: 'accountability/disclosure-request',
    purpose: 'answer a disclosure request',
    fields: ['person', 'requester contact', 'known findings', 'answer'],
  });
  const known = await knownFindings(actor, r.candidateId, deps);
  const { sealedPerson, sealedContact, answer, ...rest } = r;
  const person = await openUnlessErased(deps, `person:${id}`, sealedPerson);
  const contact = await openUnlessErased(deps, `contact:${id}`, sealedContact);
  const justification = answer?.sealedJustification
    ? await openUnlessErased(deps, `justification:${id}`, answer.sealedJustification)
    : undefined;
  const note = answer?.sealedNote ? await openUnlessErased(deps, `note:${id}`, answer.sealedNote) : undefined;
  return {
    ...rest,
    status: statusOf(r, deps.now()),
    ...(person === undefined ? { erased: true } : { person: JSON.parse(person) as Record<string, string> }),
    ...(contact === undefined ? {} : { requesterContact: JSON.parse(contact) as { name: string; email: string } }),
    knownFindings: known,
    ...(answer
      ? {
          answer: {
            ...(({ sealedJustification: _j, sealedNote: _n, ...a }) => a)(answer),
            ...(justification ? { justification } : {}),
            ...(note ? { note } : {}),
          },
        }
      : {}),
  };
}

export async function readConsent(actor: Actor, id: string, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  const bytes = r.consent
    ? await deps.consents.get(id).catch((e: unknown) => ((e as AppError).code === 'CRYPTO.ERASED' ? undefined : Promise.reject(e)))
    : undefined;
  if (!r.consent || !bytes) throw notFound('DISCLOSURE.NO_CONSENT', 'No consent document is on file');
  await deps.access.record({
    actor,
    subjectId: r.candidateId,
    resource: 'accountability/disclosure-consent',
    purpose: 'answer a disclosure request',
    fields: ['signed consent'],
  });
  return { consent: r.consent, bytes };
}

export async function disclosureHistory(actor: Actor, id: string, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  await deps.access.record({
    actor,
    subjectId: r.candidateId,
    resource: 'accountability/disclosure-history',
    purpose: 'answer a disclosure request',
    fields: ['status history'],
  });
  return {
    items: (await deps.disclosures.history(id)).map(({ rev, at, state }) => ({
      rev,
      at,
      status: statusOf(state, new Date(at)),
      answer: state.answer?.kind,
      answeredBy: state.answer?.answeredBy,
      countersignedBy: state.answer?.countersignedBy,
    })),
  };
}

/** The scheme's annual implementation figures (an office: its country's). Counts only: no read of a person is recorded. */
export async function disclosureFigures(actor: Actor, q: { year?: number; country?: string }, deps: DisclosureDeps) {
  const country = countryScope(actor, q.country);
  const year = q.year ?? deps.now().getUTCFullYear();
  const requests: DisclosureRequest[] = [];
  for await (const r of deps.disclosures.scan(country ? { country } : {})) requests.push(r);
  return { ...(country ? { country } : {}), ...annualFigures(year, await deps.facts.facts({ year, country }), requests) };
}

export const requestingOrganisations = async (deps: DisclosureDeps) => ({ items: await deps.facts.organisations() });
