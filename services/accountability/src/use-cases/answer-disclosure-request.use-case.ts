import { createHash } from 'node:crypto';
import { AppError, ATTACHMENT_TYPES, attachmentProblem, badRequest, mediaType, safeFilename, type Actor } from '@vetting/platform';
import {
  decideAnswer,
  decideCountersignature,
  requesterProblem,
  type AnswerInput,
  type DisclosureRequest,
} from '../domain/disclosure-request';
import {
  applyStep,
  disclosureEvent,
  knownFindings,
  mustAnswerFor,
  refuse,
  visibleDisclosure,
  type DisclosureDeps,
} from './disclosure-context';

export interface ConsentInput {
  filename?: string;
  contentType: string;
  /** The signed consent and declaration, base64. */
  contentBase64: string;
  signedOn: string;
  /** The person's declaration, as the scheme words it, is signed on the document. */
  declarationSigned: boolean;
}

/**
 * The person's signed consent and declaration: a PDF or image checked against its declared type,
 * sealed under the person's key; only its description and digest stay in clear. Without it no
 * answer is given.
 */
export async function attachConsent(actor: Actor, id: string, input: ConsentInput, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  mustAnswerFor(actor, r);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const contentType = mediaType(input.contentType);
  const problem = contentType === 'text/plain' ? 'a signed consent is a PDF or a scan (PNG, JPEG)' : attachmentProblem(contentType, bytes);
  if (problem)
    throw new AppError('DISCLOSURE.CONSENT_REFUSED', 'The consent document is refused', {
      status: ATTACHMENT_TYPES[contentType] ? 400 : 415,
      errors: [{ field: 'body/contentBase64', reason: problem }],
    });
  if (!input.declarationSigned)
    throw badRequest('DISCLOSURE.DECLARATION_REQUIRED', 'The scheme asks for the person’s signed declaration', [
      { field: 'body/declarationSigned', reason: 'must be true: the document holds the signed declaration' },
    ]);
  const now = deps.now();
  if (Date.parse(input.signedOn) > now.getTime())
    throw badRequest('DISCLOSURE.INVALID', 'The consent is not valid', [{ field: 'body/signedOn', reason: 'must not be in the future' }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (r.state !== 'open') refuse({ code: 'DISCLOSURE.ALREADY_ANSWERED', status: 409, message: 'The request is already answered' });
  await deps.consents.put(id, r.candidateId, bytes);
  await deps.access.record({
    actor,
    subjectId: r.candidateId,
    resource: 'accountability/disclosure-consent',
    purpose: 'receive a disclosure request',
    fields: ['signed consent'],
  });
  const at = now.toISOString();
  return applyStep(deps, id, `consent:${id}:${sha256}`, (current) => {
    if (current.state !== 'open') return undefined;
    const state: DisclosureRequest = {
      ...current,
      consent: {
        filename: safeFilename(input.filename),
        contentType,
        size: bytes.length,
        sha256,
        signedOn: input.signedOn,
        declarationSigned: true,
        attachedBy: actor.id,
        attachedAt: at,
      },
    };
    return { state, events: [disclosureEvent(state, 'consent-attached', actor.id, at, { sha256 })] };
  });
}

/**
 * The answer in the scheme's form, recorded with who gave it and when, and the findings the
 * platform knew at that moment; one that withholds a known finding waits for a second person.
 */
export async function answerDisclosure(actor: Actor, id: string, input: AnswerInput & { note?: string }, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  mustAnswerFor(actor, r);
  const known = await knownFindings(actor, r.candidateId, deps);
  const decided = decideAnswer(r, input, known);
  if ('problem' in decided) refuse(decided.problem);
  // Verified when received is not enough: an organisation retired from the directory since (or whose
  // domain was withdrawn) gets no answer.
  const stillVerified = requesterProblem(await deps.facts.organisation(r.requester.organisationId), r.requester.contactDomain);
  if (stillVerified)
    refuse({
      code: 'DISCLOSURE.REQUESTER_UNVERIFIED',
      status: 409,
      message: `The requester is no longer verified: ${stillVerified}`,
      field: 'requester',
    });
  const at = deps.now().toISOString();
  const sealedJustification = input.justification?.trim()
    ? await deps.sealer.seal(r.candidateId, `justification:${id}`, input.justification.trim())
    : undefined;
  const sealedNote = input.note?.trim() ? await deps.sealer.seal(r.candidateId, `note:${id}`, input.note.trim()) : undefined;
  return applyStep(deps, id, `answer:${id}`, (current) => {
    const again = decideAnswer(current, input, known);
    if ('problem' in again) refuse(again.problem);
    const answer = {
      kind: input.kind,
      answeredBy: actor.id,
      answeredAt: at,
      knownFindings: known.map((f) => f.reference),
      ...(sealedJustification ? { sealedJustification } : {}),
      ...(sealedNote ? { sealedNote } : {}),
    };
    const state: DisclosureRequest = { ...current, state: again.state, answer };
    return {
      state,
      events: [
        disclosureEvent(state, 'answered', actor.id, at, {
          answer: input.kind,
          knownFindings: known.length,
          departsFromRecord: again.departs,
          countersignatureRequired: again.state === 'awaiting-countersignature',
        }),
      ],
    };
  });
}

/** A second person countersigns an answer that withholds a known finding; only then does it go out. */
export async function countersignDisclosure(actor: Actor, id: string, deps: DisclosureDeps) {
  const r = await visibleDisclosure(actor, id, deps);
  mustAnswerFor(actor, r);
  const p = decideCountersignature(r, actor.id);
  if (p) refuse(p);
  const at = deps.now().toISOString();
  return applyStep(deps, id, `countersign:${id}`, (current) => {
    const again = decideCountersignature(current, actor.id);
    if (again) refuse(again);
    const state: DisclosureRequest = {
      ...current,
      state: 'answered',
      answer: { ...current.answer!, countersignedBy: actor.id, countersignedAt: at },
    };
    return { state, events: [disclosureEvent(state, 'countersigned', actor.id, at, { answer: state.answer!.kind })] };
  });
}
